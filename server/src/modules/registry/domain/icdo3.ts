/**
 * ICD-O-3 (CIE-O-3) catalogues and validation of a diagnosis code (topography + morphology +
 * behaviour), with Spanish names.
 *
 * Sources and licensing: the code lists follow the WHO "International Classification of Diseases
 * for Oncology", 3rd edition (2000), its first revision ICD-O-3.1 (2011) and ICD-O-3.2 (2019),
 * as reproduced in public registry references (SEER site/histology recode tables and SEER
 * Hematopoietic Database, NAACCR guidelines). No machine-readable, permissively licensed list
 * exists in the npm registry; CanReg5's tables are GPL and were not used. The Spanish names were
 * written for this project (they follow the terminology of the Spanish CIE-O-3 edition but are
 * not a copy of it). "SAI" = sin otra indicación (NOS).
 *
 * Coverage: all 330 four-character topography codes C00.0–C80.9, plus the 70 three-character
 * headings; morphology codes 8000–9993 of ICD-O-3 including the benign and uncertain-behaviour
 * codes that share a term with a malignant one, and the ICD-O-3.1/3.2 additions that matter for
 * paediatric oncology (WHO 2008/2016 haematolymphoid and CNS codes). `behaviours` lists the
 * behaviour digits printed for each code (0 benign, 1 uncertain/borderline, 2 in situ,
 * 3 malignant). Simplification: ICD-O's "matrix" rule lets a pathologist combine any behaviour
 * with any morphology; this registry instead validates against the printed combinations, which
 * catches most typing errors (e.g. 8960/0).
 */

const TOPOGRAPHY_DATA = `
C00 Labio
C00.0 Labio superior externo
C00.1 Labio inferior externo
C00.2 Labio externo, SAI
C00.3 Mucosa del labio superior
C00.4 Mucosa del labio inferior
C00.5 Mucosa del labio, SAI
C00.6 Comisura labial
C00.8 Lesión de sitios contiguos del labio
C00.9 Labio, SAI
C01 Base de la lengua
C01.9 Base de la lengua, SAI
C02 Otras partes y las no especificadas de la lengua
C02.0 Cara dorsal de la lengua, SAI
C02.1 Borde de la lengua
C02.2 Cara ventral de la lengua, SAI
C02.3 Dos tercios anteriores de la lengua, SAI
C02.4 Amígdala lingual
C02.8 Lesión de sitios contiguos de la lengua
C02.9 Lengua, SAI
C03 Encía
C03.0 Encía superior
C03.1 Encía inferior
C03.9 Encía, SAI
C04 Piso de la boca
C04.0 Parte anterior del piso de la boca
C04.1 Parte lateral del piso de la boca
C04.8 Lesión de sitios contiguos del piso de la boca
C04.9 Piso de la boca, SAI
C05 Paladar
C05.0 Paladar duro
C05.1 Paladar blando, SAI
C05.2 Úvula
C05.8 Lesión de sitios contiguos del paladar
C05.9 Paladar, SAI
C06 Otras partes y las no especificadas de la boca
C06.0 Mucosa de la mejilla
C06.1 Vestíbulo de la boca
C06.2 Área retromolar
C06.8 Lesión de sitios contiguos de otras partes y de las no especificadas de la boca
C06.9 Boca, SAI
C07 Glándula parótida
C07.9 Glándula parótida
C08 Otras glándulas salivales mayores y las no especificadas
C08.0 Glándula submaxilar
C08.1 Glándula sublingual
C08.8 Lesión de sitios contiguos de las glándulas salivales mayores
C08.9 Glándula salival mayor, SAI
C09 Amígdala
C09.0 Fosa amigdalina
C09.1 Pilar amigdalino
C09.8 Lesión de sitios contiguos de la amígdala
C09.9 Amígdala, SAI
C10 Orofaringe
C10.0 Valécula
C10.1 Cara anterior de la epiglotis
C10.2 Pared lateral de la orofaringe
C10.3 Pared posterior de la orofaringe
C10.4 Hendidura branquial
C10.8 Lesión de sitios contiguos de la orofaringe
C10.9 Orofaringe, SAI
C11 Nasofaringe
C11.0 Pared superior de la nasofaringe
C11.1 Pared posterior de la nasofaringe
C11.2 Pared lateral de la nasofaringe
C11.3 Pared anterior de la nasofaringe
C11.8 Lesión de sitios contiguos de la nasofaringe
C11.9 Nasofaringe, SAI
C12 Seno piriforme
C12.9 Seno piriforme
C13 Hipofaringe
C13.0 Región poscricoidea
C13.1 Pliegue aritenoepiglótico, cara hipofaríngea
C13.2 Pared posterior de la hipofaringe
C13.8 Lesión de sitios contiguos de la hipofaringe
C13.9 Hipofaringe, SAI
C14 Otros sitios y los mal definidos del labio, de la cavidad bucal y de la faringe
C14.0 Faringe, SAI
C14.2 Anillo de Waldeyer
C14.8 Lesión de sitios contiguos del labio, de la cavidad bucal y de la faringe
C15 Esófago
C15.0 Esófago cervical
C15.1 Esófago torácico
C15.2 Esófago abdominal
C15.3 Tercio superior del esófago
C15.4 Tercio medio del esófago
C15.5 Tercio inferior del esófago
C15.8 Lesión de sitios contiguos del esófago
C15.9 Esófago, SAI
C16 Estómago
C16.0 Cardias, SAI
C16.1 Fondo del estómago
C16.2 Cuerpo del estómago
C16.3 Antro pilórico
C16.4 Píloro
C16.5 Curvatura menor del estómago, SAI
C16.6 Curvatura mayor del estómago, SAI
C16.8 Lesión de sitios contiguos del estómago
C16.9 Estómago, SAI
C17 Intestino delgado
C17.0 Duodeno
C17.1 Yeyuno
C17.2 Íleon
C17.3 Divertículo de Meckel
C17.8 Lesión de sitios contiguos del intestino delgado
C17.9 Intestino delgado, SAI
C18 Colon
C18.0 Ciego
C18.1 Apéndice
C18.2 Colon ascendente
C18.3 Ángulo hepático del colon
C18.4 Colon transverso
C18.5 Ángulo esplénico del colon
C18.6 Colon descendente
C18.7 Colon sigmoide
C18.8 Lesión de sitios contiguos del colon
C18.9 Colon, SAI
C19 Unión rectosigmoidea
C19.9 Unión rectosigmoidea
C20 Recto
C20.9 Recto, SAI
C21 Ano y conducto anal
C21.0 Ano, SAI
C21.1 Conducto anal
C21.2 Zona cloacogénica
C21.8 Lesión de sitios contiguos del recto, del ano y del conducto anal
C22 Hígado y conductos biliares intrahepáticos
C22.0 Hígado
C22.1 Conducto biliar intrahepático
C23 Vesícula biliar
C23.9 Vesícula biliar
C24 Otras partes y las no especificadas de las vías biliares
C24.0 Conducto biliar extrahepático
C24.1 Ampolla de Vater
C24.8 Lesión de sitios contiguos de las vías biliares
C24.9 Vías biliares, SAI
C25 Páncreas
C25.0 Cabeza del páncreas
C25.1 Cuerpo del páncreas
C25.2 Cola del páncreas
C25.3 Conducto pancreático
C25.4 Páncreas endocrino (islotes de Langerhans)
C25.7 Otras partes especificadas del páncreas
C25.8 Lesión de sitios contiguos del páncreas
C25.9 Páncreas, SAI
C26 Otros sitios y los mal definidos de los órganos digestivos
C26.0 Tracto intestinal, SAI
C26.8 Lesión de sitios contiguos del sistema digestivo
C26.9 Tracto gastrointestinal, SAI
C30 Cavidad nasal y oído medio
C30.0 Cavidad nasal
C30.1 Oído medio
C31 Senos paranasales
C31.0 Seno maxilar
C31.1 Seno etmoidal
C31.2 Seno frontal
C31.3 Seno esfenoidal
C31.8 Lesión de sitios contiguos de los senos paranasales
C31.9 Seno paranasal, SAI
C32 Laringe
C32.0 Glotis
C32.1 Supraglotis
C32.2 Subglotis
C32.3 Cartílago laríngeo
C32.8 Lesión de sitios contiguos de la laringe
C32.9 Laringe, SAI
C33 Tráquea
C33.9 Tráquea
C34 Bronquios y pulmón
C34.0 Bronquio principal
C34.1 Lóbulo superior del pulmón
C34.2 Lóbulo medio del pulmón
C34.3 Lóbulo inferior del pulmón
C34.8 Lesión de sitios contiguos del pulmón
C34.9 Pulmón, SAI
C37 Timo
C37.9 Timo
C38 Corazón, mediastino y pleura
C38.0 Corazón
C38.1 Mediastino anterior
C38.2 Mediastino posterior
C38.3 Mediastino, SAI
C38.4 Pleura, SAI
C38.8 Lesión de sitios contiguos del corazón, del mediastino y de la pleura
C39 Otros sitios y los mal definidos del sistema respiratorio y de los órganos intratorácicos
C39.0 Vías respiratorias superiores, SAI
C39.8 Lesión de sitios contiguos del sistema respiratorio y de los órganos intratorácicos
C39.9 Sitios mal definidos del sistema respiratorio
C40 Huesos, articulaciones y cartílago articular de los miembros
C40.0 Huesos largos del miembro superior, escápula y articulaciones asociadas
C40.1 Huesos cortos del miembro superior y articulaciones asociadas
C40.2 Huesos largos del miembro inferior y articulaciones asociadas
C40.3 Huesos cortos del miembro inferior y articulaciones asociadas
C40.8 Lesión de sitios contiguos de los huesos, articulaciones y cartílago articular de los miembros
C40.9 Hueso de miembro, SAI
C41 Huesos, articulaciones y cartílago articular de otros sitios y de los no especificados
C41.0 Huesos del cráneo y de la cara y articulaciones asociadas
C41.1 Mandíbula
C41.2 Columna vertebral
C41.3 Costilla, esternón, clavícula y articulaciones asociadas
C41.4 Huesos de la pelvis, sacro, cóccix y articulaciones asociadas
C41.8 Lesión de sitios contiguos de los huesos, articulaciones y cartílago articular
C41.9 Hueso, SAI
C42 Sistemas hematopoyético y reticuloendotelial
C42.0 Sangre
C42.1 Médula ósea
C42.2 Bazo
C42.3 Sistema reticuloendotelial, SAI
C42.4 Sistema hematopoyético, SAI
C44 Piel
C44.0 Piel del labio, SAI
C44.1 Párpado
C44.2 Oído externo
C44.3 Piel de otras partes y de las no especificadas de la cara
C44.4 Piel del cuero cabelludo y del cuello
C44.5 Piel del tronco
C44.6 Piel del miembro superior y del hombro
C44.7 Piel del miembro inferior y de la cadera
C44.8 Lesión de sitios contiguos de la piel
C44.9 Piel, SAI
C47 Nervios periféricos y sistema nervioso autónomo
C47.0 Nervios periféricos y sistema nervioso autónomo de la cabeza, de la cara y del cuello
C47.1 Nervios periféricos y sistema nervioso autónomo del miembro superior y del hombro
C47.2 Nervios periféricos y sistema nervioso autónomo del miembro inferior y de la cadera
C47.3 Nervios periféricos y sistema nervioso autónomo del tórax
C47.4 Nervios periféricos y sistema nervioso autónomo del abdomen
C47.5 Nervios periféricos y sistema nervioso autónomo de la pelvis
C47.6 Nervios periféricos y sistema nervioso autónomo del tronco, SAI
C47.8 Lesión de sitios contiguos de los nervios periféricos y del sistema nervioso autónomo
C47.9 Sistema nervioso autónomo, SAI
C48 Retroperitoneo y peritoneo
C48.0 Retroperitoneo
C48.1 Partes especificadas del peritoneo
C48.2 Peritoneo, SAI
C48.8 Lesión de sitios contiguos del retroperitoneo y del peritoneo
C49 Tejido conjuntivo, subcutáneo y otros tejidos blandos
C49.0 Tejido conjuntivo, subcutáneo y otros tejidos blandos de la cabeza, de la cara y del cuello
C49.1 Tejido conjuntivo, subcutáneo y otros tejidos blandos del miembro superior y del hombro
C49.2 Tejido conjuntivo, subcutáneo y otros tejidos blandos del miembro inferior y de la cadera
C49.3 Tejido conjuntivo, subcutáneo y otros tejidos blandos del tórax
C49.4 Tejido conjuntivo, subcutáneo y otros tejidos blandos del abdomen
C49.5 Tejido conjuntivo, subcutáneo y otros tejidos blandos de la pelvis
C49.6 Tejido conjuntivo, subcutáneo y otros tejidos blandos del tronco, SAI
C49.8 Lesión de sitios contiguos del tejido conjuntivo, subcutáneo y de otros tejidos blandos
C49.9 Tejido conjuntivo, subcutáneo y otros tejidos blandos, SAI
C50 Mama
C50.0 Pezón
C50.1 Porción central de la mama
C50.2 Cuadrante superior interno de la mama
C50.3 Cuadrante inferior interno de la mama
C50.4 Cuadrante superior externo de la mama
C50.5 Cuadrante inferior externo de la mama
C50.6 Prolongación axilar de la mama
C50.8 Lesión de sitios contiguos de la mama
C50.9 Mama, SAI
C51 Vulva
C51.0 Labio mayor
C51.1 Labio menor
C51.2 Clítoris
C51.8 Lesión de sitios contiguos de la vulva
C51.9 Vulva, SAI
C52 Vagina
C52.9 Vagina, SAI
C53 Cuello del útero
C53.0 Endocérvix
C53.1 Exocérvix
C53.8 Lesión de sitios contiguos del cuello del útero
C53.9 Cuello del útero
C54 Cuerpo del útero
C54.0 Istmo uterino
C54.1 Endometrio
C54.2 Miometrio
C54.3 Fondo del útero
C54.8 Lesión de sitios contiguos del cuerpo del útero
C54.9 Cuerpo del útero
C55 Útero, SAI
C55.9 Útero, SAI
C56 Ovario
C56.9 Ovario
C57 Otros órganos genitales femeninos y los no especificados
C57.0 Trompa de Falopio
C57.1 Ligamento ancho
C57.2 Ligamento redondo
C57.3 Parametrio
C57.4 Anexos uterinos
C57.7 Otras partes especificadas de los órganos genitales femeninos
C57.8 Lesión de sitios contiguos de los órganos genitales femeninos
C57.9 Tracto genital femenino, SAI
C58 Placenta
C58.9 Placenta
C60 Pene
C60.0 Prepucio
C60.1 Glande
C60.2 Cuerpo del pene
C60.8 Lesión de sitios contiguos del pene
C60.9 Pene, SAI
C61 Próstata
C61.9 Próstata
C62 Testículo
C62.0 Testículo no descendido
C62.1 Testículo descendido
C62.9 Testículo, SAI
C63 Otros órganos genitales masculinos y los no especificados
C63.0 Epidídimo
C63.1 Cordón espermático
C63.2 Escroto, SAI
C63.7 Otras partes especificadas de los órganos genitales masculinos
C63.8 Lesión de sitios contiguos de los órganos genitales masculinos
C63.9 Órganos genitales masculinos, SAI
C64 Riñón
C64.9 Riñón, SAI
C65 Pelvis renal
C65.9 Pelvis renal
C66 Uréter
C66.9 Uréter
C67 Vejiga urinaria
C67.0 Trígono vesical
C67.1 Cúpula vesical
C67.2 Pared lateral de la vejiga
C67.3 Pared anterior de la vejiga
C67.4 Pared posterior de la vejiga
C67.5 Cuello de la vejiga
C67.6 Orificio ureteral
C67.7 Uraco
C67.8 Lesión de sitios contiguos de la vejiga
C67.9 Vejiga urinaria, SAI
C68 Otros órganos urinarios y los no especificados
C68.0 Uretra
C68.1 Glándula parauretral
C68.8 Lesión de sitios contiguos de los órganos urinarios
C68.9 Sistema urinario, SAI
C69 Ojo y anexos
C69.0 Conjuntiva
C69.1 Córnea, SAI
C69.2 Retina
C69.3 Coroides
C69.4 Cuerpo ciliar
C69.5 Glándula lagrimal
C69.6 Órbita, SAI
C69.8 Lesión de sitios contiguos del ojo y sus anexos
C69.9 Ojo, SAI
C70 Meninges
C70.0 Meninges cerebrales
C70.1 Meninges raquídeas
C70.9 Meninges, SAI
C71 Encéfalo
C71.0 Cerebro
C71.1 Lóbulo frontal
C71.2 Lóbulo temporal
C71.3 Lóbulo parietal
C71.4 Lóbulo occipital
C71.5 Ventrículo, SAI
C71.6 Cerebelo, SAI
C71.7 Tronco del encéfalo
C71.8 Lesión de sitios contiguos del encéfalo
C71.9 Encéfalo, SAI
C72 Médula espinal, nervios craneales y otras partes del sistema nervioso central
C72.0 Médula espinal
C72.1 Cola de caballo
C72.2 Nervio olfatorio
C72.3 Nervio óptico
C72.4 Nervio acústico
C72.5 Nervio craneal, SAI
C72.8 Lesión de sitios contiguos del encéfalo y del sistema nervioso central
C72.9 Sistema nervioso, SAI
C73 Glándula tiroides
C73.9 Glándula tiroides
C74 Glándula suprarrenal
C74.0 Corteza de la glándula suprarrenal
C74.1 Médula de la glándula suprarrenal
C74.9 Glándula suprarrenal, SAI
C75 Otras glándulas endocrinas y estructuras afines
C75.0 Glándula paratiroides
C75.1 Hipófisis
C75.2 Conducto craneofaríngeo
C75.3 Glándula pineal
C75.4 Cuerpo carotídeo
C75.5 Cuerpo aórtico y otros paraganglios
C75.8 Lesión de sitios contiguos de las glándulas endocrinas y estructuras afines
C75.9 Glándula endocrina, SAI
C76 Otros sitios y los mal definidos
C76.0 Cabeza, cara o cuello, SAI
C76.1 Tórax, SAI
C76.2 Abdomen, SAI
C76.3 Pelvis, SAI
C76.4 Miembro superior, SAI
C76.5 Miembro inferior, SAI
C76.7 Otros sitios mal definidos
C76.8 Lesión de sitios contiguos mal definidos
C77 Ganglios linfáticos
C77.0 Ganglios linfáticos de la cabeza, de la cara y del cuello
C77.1 Ganglios linfáticos intratorácicos
C77.2 Ganglios linfáticos intraabdominales
C77.3 Ganglios linfáticos de la axila o del miembro superior
C77.4 Ganglios linfáticos de la región inguinal o del miembro inferior
C77.5 Ganglios linfáticos de la pelvis
C77.8 Ganglios linfáticos de regiones múltiples
C77.9 Ganglio linfático, SAI
C80 Sitio primario desconocido
C80.9 Sitio primario desconocido
`;

const MORPHOLOGY_DATA = `
8000 013 Neoplasia, SAI
8001 013 Células tumorales, SAI
8002 3 Tumor maligno de células pequeñas
8003 3 Tumor maligno de células gigantes
8004 3 Tumor maligno de células fusiformes
8005 03 Tumor de células claras, SAI
8010 023 Carcinoma, SAI
8011 03 Epitelioma, SAI
8012 3 Carcinoma de células grandes, SAI
8013 3 Carcinoma neuroendocrino de células grandes
8014 3 Carcinoma de células grandes con fenotipo rabdoide
8015 3 Carcinoma de células vidriosas
8020 3 Carcinoma indiferenciado, SAI
8021 3 Carcinoma anaplásico, SAI
8022 3 Carcinoma pleomórfico
8023 3 Carcinoma NUT
8030 3 Carcinoma de células gigantes y fusiformes
8031 3 Carcinoma de células gigantes
8032 3 Carcinoma de células fusiformes, SAI
8033 3 Carcinoma seudosarcomatoso
8034 3 Carcinoma de células poligonales
8035 3 Carcinoma con células gigantes de tipo osteoclástico
8040 01 Tumorlet
8041 3 Carcinoma de células pequeñas, SAI
8042 3 Carcinoma de células en grano de avena
8043 3 Carcinoma de células pequeñas fusiformes
8044 3 Carcinoma de células pequeñas, tipo intermedio
8045 3 Carcinoma combinado de células pequeñas
8046 3 Carcinoma de células no pequeñas
8050 023 Carcinoma papilar, SAI
8051 03 Carcinoma verrugoso, SAI
8052 023 Carcinoma papilar de células escamosas
8053 0 Papiloma invertido
8060 0 Papilomatosis, SAI
8070 023 Carcinoma de células escamosas, SAI
8071 23 Carcinoma de células escamosas queratinizante
8072 23 Carcinoma de células escamosas no queratinizante de células grandes
8073 3 Carcinoma de células escamosas no queratinizante de células pequeñas
8074 3 Carcinoma de células escamosas de células fusiformes
8075 3 Carcinoma de células escamosas adenoide
8076 23 Carcinoma de células escamosas microinvasor
8077 2 Neoplasia intraepitelial escamosa de alto grado
8078 3 Carcinoma de células escamosas con formación de cuerno
8080 2 Eritroplasia de Queyrat
8081 2 Enfermedad de Bowen
8082 3 Carcinoma linfoepitelial
8083 3 Carcinoma de células escamosas basaloide
8084 3 Carcinoma de células escamosas de células claras
8085 3 Carcinoma de células escamosas asociado a VPH
8086 3 Carcinoma de células escamosas independiente de VPH
8090 13 Carcinoma basocelular, SAI
8091 3 Carcinoma basocelular superficial multifocal
8092 3 Carcinoma basocelular infiltrante
8093 3 Carcinoma basocelular fibroepitelial
8094 3 Carcinoma basoescamoso
8095 3 Carcinoma metatípico
8096 0 Epitelioma intraepidérmico de Jadassohn
8097 3 Carcinoma basocelular nodular
8098 3 Carcinoma basocelular adenoide
8100 0 Tricoepitelioma
8101 0 Tricofoliculoma
8102 03 Tricolemoma
8103 0 Tumor pilar
8110 03 Pilomatrixoma
8120 0123 Carcinoma de células transicionales, SAI
8121 013 Carcinoma schneideriano
8122 3 Carcinoma de células transicionales de células fusiformes
8123 3 Carcinoma basaloide
8124 3 Carcinoma cloacogénico
8130 123 Carcinoma papilar de células transicionales
8131 3 Carcinoma de células transicionales micropapilar
8140 0123 Adenocarcinoma, SAI
8141 3 Adenocarcinoma escirroso
8142 3 Linitis plástica
8143 3 Adenocarcinoma de extensión superficial
8144 3 Adenocarcinoma de tipo intestinal
8145 3 Carcinoma de tipo difuso
8146 0 Adenoma monomorfo
8147 03 Adenocarcinoma de células basales
8148 2 Neoplasia intraepitelial glandular de alto grado
8150 013 Tumor neuroendocrino pancreático
8151 03 Insulinoma
8152 13 Glucagonoma
8153 13 Gastrinoma
8154 3 Carcinoma mixto de células de los islotes y exocrino
8155 13 Vipoma
8156 13 Somatostatinoma
8157 13 Enteroglucagonoma
8158 1 Tumor endocrino funcionante, SAI
8160 03 Colangiocarcinoma
8161 03 Cistadenocarcinoma de conductos biliares
8162 3 Tumor de Klatskin
8163 23 Carcinoma de tipo pancreatobiliar
8170 03 Carcinoma hepatocelular, SAI
8171 3 Carcinoma hepatocelular fibrolamelar
8172 3 Carcinoma hepatocelular escirroso
8173 3 Carcinoma hepatocelular de células fusiformes
8174 3 Carcinoma hepatocelular de células claras
8175 3 Carcinoma hepatocelular pleomórfico
8180 3 Carcinoma hepatocelular y colangiocarcinoma combinados
8190 03 Adenocarcinoma trabecular
8191 0 Adenoma embrionario
8200 03 Carcinoma adenoide quístico
8201 23 Carcinoma cribiforme, SAI
8202 0 Adenoma microquístico
8204 0 Adenoma lactante
8210 023 Adenocarcinoma en pólipo adenomatoso
8211 03 Adenocarcinoma tubular
8212 0 Adenoma plano
8213 03 Adenocarcinoma serrado
8214 3 Carcinoma de células parietales
8215 3 Adenocarcinoma de glándulas anales
8220 03 Adenocarcinoma en poliposis adenomatosa del colon
8221 03 Adenocarcinoma en pólipos adenomatosos múltiples
8230 23 Carcinoma sólido, SAI
8231 3 Carcinoma simple
8240 13 Tumor carcinoide, SAI (tumor neuroendocrino G1)
8241 3 Carcinoide de células enterocromafines
8242 13 Tumor de células similares a enterocromafines
8243 3 Carcinoide de células caliciformes
8244 3 Carcinoma adenoneuroendocrino mixto
8245 13 Tumor adenocarcinoide
8246 3 Carcinoma neuroendocrino, SAI
8247 3 Carcinoma de células de Merkel
8248 1 Apudoma
8249 3 Tumor carcinoide atípico (tumor neuroendocrino G2)
8250 123 Adenocarcinoma lepídico (bronquioloalveolar)
8251 03 Adenocarcinoma alveolar
8252 3 Carcinoma bronquioloalveolar no mucinoso
8253 3 Adenocarcinoma mucinoso invasor (bronquioloalveolar mucinoso)
8254 3 Carcinoma bronquioloalveolar mixto
8255 3 Adenocarcinoma con subtipos mixtos
8260 03 Adenocarcinoma papilar, SAI
8261 023 Adenocarcinoma en adenoma velloso
8262 3 Adenocarcinoma velloso
8263 023 Adenocarcinoma en adenoma tubulovelloso
8264 0 Papilomatosis glandular
8265 3 Adenocarcinoma micropapilar
8270 03 Carcinoma cromófobo
8271 0 Prolactinoma
8272 03 Adenoma hipofisario, SAI
8280 03 Carcinoma acidófilo
8281 03 Carcinoma mixto acidófilo-basófilo
8290 03 Carcinoma oxífilo (de células de Hürthle)
8300 03 Carcinoma basófilo
8310 03 Carcinoma de células claras, SAI
8311 13 Carcinoma hipernefroide
8312 3 Carcinoma de células renales, SAI
8313 013 Adenocarcinofibroma de células claras
8314 3 Carcinoma rico en lípidos
8315 3 Carcinoma rico en glucógeno
8316 3 Carcinoma de células renales asociado a quistes
8317 3 Carcinoma de células renales de tipo cromófobo
8318 3 Carcinoma de células renales sarcomatoide
8319 3 Carcinoma de los conductos colectores
8320 3 Carcinoma de células granulares
8321 0 Adenoma de células principales
8322 03 Adenocarcinoma de células acuosas claras
8323 03 Adenocarcinoma de células mixtas
8324 0 Lipoadenoma
8325 0 Adenoma metanéfrico
8330 013 Adenocarcinoma folicular, SAI
8331 3 Adenocarcinoma folicular bien diferenciado
8332 3 Adenocarcinoma folicular trabecular
8333 03 Adenocarcinoma fetal
8334 0 Adenoma macrofolicular
8335 3 Carcinoma folicular mínimamente invasor
8336 0 Adenoma trabecular hialinizante
8337 3 Carcinoma insular
8339 3 Carcinoma folicular encapsulado con invasión angioinvasora
8340 3 Carcinoma papilar, variante folicular
8341 3 Microcarcinoma papilar
8342 3 Carcinoma papilar de células oxífilas
8343 3 Carcinoma papilar encapsulado
8344 3 Carcinoma papilar de células columnares
8345 3 Carcinoma medular con estroma amiloide
8346 3 Carcinoma mixto medular-folicular
8347 3 Carcinoma mixto medular-papilar
8350 3 Carcinoma esclerosante no encapsulado
8360 1 Adenomas endocrinos múltiples
8361 0 Tumor yuxtaglomerular
8370 03 Carcinoma corticosuprarrenal
8371 0 Adenoma corticosuprarrenal de células compactas
8372 0 Adenoma corticosuprarrenal fuertemente pigmentado
8373 0 Adenoma corticosuprarrenal de células claras
8374 0 Adenoma corticosuprarrenal de células glomerulosas
8375 0 Adenoma corticosuprarrenal de células mixtas
8380 0123 Adenocarcinoma endometrioide, SAI
8381 013 Adenocarcinofibroma endometrioide
8382 3 Adenocarcinoma endometrioide, variante secretora
8383 3 Adenocarcinoma endometrioide, variante de células ciliadas
8384 3 Adenocarcinoma de tipo endocervical
8390 03 Carcinoma de anexos cutáneos
8391 0 Adenoma folicular fibroso
8392 0 Siringofibroadenoma
8400 013 Adenocarcinoma de glándulas sudoríparas
8401 03 Adenocarcinoma apocrino
8402 03 Hidradenoma nodular
8403 03 Espiradenoma
8404 0 Hidrocistoma
8405 0 Hidradenoma papilar
8406 0 Siringoadenoma papilífero
8407 03 Carcinoma anexial microquístico
8408 013 Adenocarcinoma papilar digital
8409 03 Porocarcinoma ecrino
8410 03 Adenocarcinoma sebáceo
8413 3 Adenocarcinoma ecrino
8420 03 Adenocarcinoma ceruminoso
8430 13 Carcinoma mucoepidermoide
8440 03 Cistadenocarcinoma, SAI
8441 0123 Cistadenocarcinoma seroso, SAI
8442 13 Tumor seroso limítrofe
8443 0 Cistadenoma de células claras
8444 1 Tumor quístico de células claras limítrofe
8450 03 Cistadenocarcinoma papilar, SAI
8451 1 Cistadenoma papilar limítrofe
8452 13 Neoplasia sólida seudopapilar
8453 0123 Neoplasia mucinosa papilar intraductal
8454 0 Tumor quístico del nodo auriculoventricular
8460 023 Cistadenocarcinoma seroso papilar
8461 03 Carcinoma papilar seroso de superficie
8462 1 Tumor papilar seroso limítrofe
8463 1 Tumor papilar seroso de superficie limítrofe
8470 0123 Cistadenocarcinoma mucinoso, SAI
8471 03 Cistadenocarcinoma mucinoso papilar
8472 1 Tumor mucinoso limítrofe
8473 1 Tumor mucinoso papilar limítrofe
8480 013 Adenocarcinoma mucinoso
8481 3 Adenocarcinoma productor de mucina
8482 3 Adenocarcinoma mucinoso de tipo endocervical
8490 3 Carcinoma de células en anillo de sello
8500 023 Carcinoma ductal infiltrante, SAI
8501 23 Comedocarcinoma
8502 3 Carcinoma secretor de la mama
8503 023 Adenocarcinoma papilar intraductal
8504 023 Carcinoma intraquístico
8505 0 Papilomatosis intraductal
8506 0 Adenoma del pezón
8507 23 Carcinoma micropapilar
8508 3 Carcinoma papilar quístico hipersecretor
8509 23 Carcinoma papilar sólido
8510 3 Carcinoma medular, SAI
8512 3 Carcinoma medular con estroma linfoide
8513 3 Carcinoma medular atípico
8514 3 Carcinoma ductal de tipo desmoplásico
8519 2 Carcinoma lobulillar in situ pleomórfico
8520 23 Carcinoma lobulillar, SAI
8521 3 Carcinoma ductular infiltrante
8522 23 Carcinoma ductal y lobulillar infiltrante
8523 3 Carcinoma ductal infiltrante mixto con otros tipos
8524 3 Carcinoma lobulillar infiltrante mixto con otros tipos
8525 3 Adenocarcinoma polimorfo
8530 3 Carcinoma inflamatorio
8540 3 Enfermedad de Paget de la mama
8541 3 Enfermedad de Paget y carcinoma ductal infiltrante
8542 3 Enfermedad de Paget extramamaria
8543 3 Enfermedad de Paget y carcinoma intraductal
8550 013 Carcinoma de células acinares
8551 3 Cistadenocarcinoma de células acinares
8552 3 Carcinoma mixto de células acinares y ductal
8560 03 Carcinoma adenoescamoso
8561 0 Adenolinfoma (tumor de Warthin)
8562 3 Carcinoma epitelial-mioepitelial
8570 3 Adenocarcinoma con metaplasia escamosa
8571 3 Adenocarcinoma con metaplasia ósea y cartilaginosa
8572 3 Adenocarcinoma con metaplasia de células fusiformes
8573 3 Adenocarcinoma con metaplasia apocrina
8574 3 Adenocarcinoma con diferenciación neuroendocrina
8575 3 Carcinoma metaplásico, SAI
8576 3 Adenocarcinoma hepatoide
8580 013 Timoma, SAI
8581 13 Timoma tipo A
8582 13 Timoma tipo AB
8583 13 Timoma tipo B1
8584 13 Timoma tipo B2
8585 13 Timoma tipo B3
8586 3 Carcinoma tímico, SAI
8587 0 Tejido tímico ectópico hamartomatoso
8588 3 Tumor epitelial fusiforme con elementos de tipo tímico (SETTLE)
8589 3 Carcinoma con elementos de tipo tímico (CASTLE)
8590 1 Tumor de los cordones sexuales y del estroma, SAI
8591 1 Tumor de los cordones sexuales y del estroma, incompletamente diferenciado
8592 1 Tumor de los cordones sexuales y del estroma, formas mixtas
8593 1 Tumor estromal con elementos menores de cordones sexuales
8594 1 Tumor mixto de células germinales y de cordones sexuales y estroma
8600 03 Tecoma
8601 0 Tecoma luteinizado
8602 0 Tumor esclerosante del estroma
8610 0 Luteoma
8620 13 Tumor de células de la granulosa del adulto
8621 1 Tumor de células de la granulosa y de la teca
8622 1 Tumor de células de la granulosa juvenil
8623 1 Tumor de los cordones sexuales con túbulos anulares
8630 013 Androblastoma
8631 013 Tumor de células de Sertoli-Leydig
8632 1 Ginandroblastoma
8633 1 Tumor de células de Sertoli-Leydig retiforme
8634 13 Tumor de células de Sertoli-Leydig con elementos heterólogos
8640 13 Tumor de células de Sertoli
8641 0 Tumor de células de Sertoli con almacenamiento de lípidos
8642 1 Tumor de células de Sertoli de células grandes calcificante
8650 013 Tumor de células de Leydig
8660 0 Tumor de células hiliares
8670 03 Tumor de células esteroideas
8671 0 Tumor de restos suprarrenales
8680 13 Paraganglioma, SAI
8681 1 Paraganglioma simpático
8682 1 Paraganglioma parasimpático
8683 0 Paraganglioma gangliocítico
8690 1 Tumor glómico yugular
8691 1 Tumor del cuerpo aórtico
8692 1 Tumor del cuerpo carotídeo
8693 13 Paraganglioma extrasuprarrenal
8700 03 Feocromocitoma
8710 3 Glomangiosarcoma
8711 03 Tumor glómico
8712 0 Glomangioma
8713 0 Glomangiomioma
8720 023 Melanoma maligno, SAI
8721 3 Melanoma nodular
8722 03 Melanoma de células en balón
8723 03 Melanoma en regresión
8725 0 Neuronevo
8726 0 Nevo magnocelular (melanocitoma)
8727 0 Nevo displásico
8728 013 Melanomatosis meníngea
8730 03 Melanoma amelanótico
8740 03 Melanoma en nevo de unión
8741 23 Melanoma en melanosis precancerosa
8742 23 Melanoma léntigo maligno
8743 3 Melanoma de extensión superficial
8744 3 Melanoma lentiginoso acral
8745 3 Melanoma desmoplásico
8746 3 Melanoma lentiginoso de mucosas
8750 0 Nevo intradérmico
8760 0 Nevo compuesto
8761 013 Melanoma en nevo pigmentado congénito gigante
8762 1 Lesión dérmica proliferativa en nevo congénito
8770 03 Melanoma mixto de células epitelioides y fusiformes
8771 03 Melanoma de células epitelioides
8772 03 Melanoma de células fusiformes, SAI
8773 3 Melanoma de células fusiformes, tipo A
8774 3 Melanoma de células fusiformes, tipo B
8780 03 Nevo azul maligno
8790 0 Nevo azul celular
8800 03 Sarcoma, SAI
8801 3 Sarcoma de células fusiformes
8802 3 Sarcoma de células gigantes (excepto de hueso)
8803 3 Sarcoma de células pequeñas
8804 3 Sarcoma epitelioide
8805 3 Sarcoma indiferenciado
8806 3 Tumor desmoplásico de células pequeñas redondas
8810 013 Fibrosarcoma, SAI
8811 013 Mixofibrosarcoma (fibromixosarcoma)
8812 03 Fibrosarcoma perióstico
8813 03 Fibrosarcoma fascial
8814 3 Fibrosarcoma infantil
8815 013 Tumor fibroso solitario
8820 0 Elastofibroma
8821 1 Fibromatosis agresiva
8822 1 Fibromatosis abdominal (desmoide)
8823 0 Fibroma desmoplásico
8824 01 Miofibroma
8825 013 Tumor miofibroblástico inflamatorio
8826 0 Angiomiofibroblastoma
8827 1 Tumor miofibroblástico peribronquial
8830 013 Histiocitoma fibroso maligno (sarcoma pleomórfico indiferenciado)
8831 01 Histiocitoma, SAI
8832 03 Dermatofibrosarcoma, SAI
8833 3 Dermatofibrosarcoma protuberans pigmentado
8834 1 Fibroblastoma de células gigantes
8835 1 Tumor fibrohistiocítico plexiforme
8836 1 Histiocitoma fibroso angiomatoide
8840 03 Mixosarcoma
8841 1 Angiomixoma
8842 03 Tumor fibromixoide osificante
8850 013 Liposarcoma, SAI
8851 03 Liposarcoma bien diferenciado
8852 03 Liposarcoma mixoide
8853 3 Liposarcoma de células redondas
8854 03 Liposarcoma pleomórfico
8855 3 Liposarcoma mixto
8856 0 Lipoma intramuscular
8857 03 Liposarcoma fibroblástico
8858 3 Liposarcoma desdiferenciado
8860 0 Angiomiolipoma
8861 0 Angiolipoma
8862 0 Lipoma condroide
8870 0 Mielolipoma
8880 0 Hibernoma
8881 0 Lipoblastomatosis
8890 013 Leiomiosarcoma, SAI
8891 03 Leiomiosarcoma epitelioide
8892 0 Leiomioma celular
8893 0 Leiomioma bizarro
8894 03 Angiomiosarcoma
8895 03 Miosarcoma
8896 3 Leiomiosarcoma mixoide
8897 1 Tumor de músculo liso de potencial maligno incierto
8898 1 Leiomiomatosis metastatizante
8900 03 Rabdomiosarcoma, SAI
8901 3 Rabdomiosarcoma pleomórfico
8902 3 Rabdomiosarcoma de tipo mixto
8903 0 Rabdomioma fetal
8904 0 Rabdomioma del adulto
8905 0 Rabdomioma genital
8910 3 Rabdomiosarcoma embrionario, SAI
8912 3 Rabdomiosarcoma de células fusiformes
8920 3 Rabdomiosarcoma alveolar
8921 3 Rabdomiosarcoma con diferenciación ganglionar (ectomesenquimoma)
8930 03 Sarcoma del estroma endometrial, SAI
8931 3 Sarcoma del estroma endometrial de bajo grado
8932 0 Adenomioma
8933 3 Adenosarcoma
8934 3 Carcinofibroma
8935 013 Sarcoma estromal, SAI
8936 013 Tumor del estroma gastrointestinal (GIST)
8940 03 Tumor mixto maligno, SAI (adenoma pleomorfo)
8941 3 Carcinoma en adenoma pleomorfo
8950 3 Tumor mülleriano mixto
8951 3 Tumor mesodérmico mixto
8959 013 Nefroma quístico maligno (nefroblastoma quístico)
8960 13 Nefroblastoma, SAI (tumor de Wilms)
8963 3 Tumor rabdoide maligno
8964 3 Sarcoma de células claras del riñón
8965 0 Adenofibroma nefrogénico
8966 0 Tumor de células intersticiales renomedulares
8967 0 Tumor renal osificante
8970 3 Hepatoblastoma
8971 3 Pancreatoblastoma
8972 3 Blastoma pulmonar
8973 3 Blastoma pleuropulmonar
8974 1 Sialoblastoma
8975 1 Tumor estromal epitelial anidado calcificante
8980 3 Carcinosarcoma, SAI
8981 3 Carcinosarcoma de tipo embrionario
8982 03 Carcinoma mioepitelial
8983 03 Adenomioepitelioma
8990 013 Mesenquimoma
8991 3 Sarcoma embrionario
9000 013 Tumor de Brenner
9010 0 Fibroadenoma, SAI
9011 0 Fibroadenoma intracanalicular
9012 0 Fibroadenoma pericanalicular
9013 0 Adenofibroma, SAI
9014 013 Adenocarcinofibroma seroso
9015 013 Adenocarcinofibroma mucinoso
9016 0 Fibroadenoma gigante
9020 013 Tumor filodes
9030 0 Fibroadenoma juvenil
9040 03 Sarcoma sinovial, SAI
9041 3 Sarcoma sinovial de células fusiformes
9042 3 Sarcoma sinovial de células epitelioides
9043 3 Sarcoma sinovial bifásico
9044 3 Sarcoma de células claras (excepto de riñón)
9045 3 Sarcoma bifenotípico nasosinusal
9050 03 Mesotelioma, SAI
9051 03 Mesotelioma fibroso
9052 03 Mesotelioma epitelioide
9053 3 Mesotelioma bifásico
9054 0 Tumor adenomatoide
9055 01 Mesotelioma quístico
9060 3 Disgerminoma
9061 3 Seminoma, SAI
9062 3 Seminoma anaplásico
9063 3 Seminoma espermatocítico (tumor espermatocítico)
9064 23 Germinoma
9065 3 Tumor de células germinales no seminomatoso
9070 3 Carcinoma embrionario, SAI
9071 3 Tumor del saco vitelino (tumor del seno endodérmico)
9072 3 Poliembrioma
9073 1 Gonadoblastoma
9080 013 Teratoma, SAI
9081 3 Teratocarcinoma
9082 3 Teratoma maligno indiferenciado
9083 3 Teratoma maligno intermedio
9084 03 Quiste dermoide (teratoma con transformación maligna)
9085 3 Tumor mixto de células germinales
9086 3 Tumor de células germinales con neoplasia maligna de tipo somático
9090 03 Struma ovarii
9091 1 Carcinoide estrumal
9100 013 Coriocarcinoma, SAI
9101 3 Coriocarcinoma combinado con otros elementos de células germinales
9102 3 Teratoma maligno trofoblástico
9103 0 Mola hidatiforme parcial
9104 1 Tumor trofoblástico del sitio placentario
9105 3 Tumor trofoblástico epitelioide
9110 013 Mesonefroma
9120 03 Hemangiosarcoma (angiosarcoma)
9121 0 Hemangioma cavernoso
9122 0 Hemangioma venoso
9123 0 Hemangioma racemoso
9124 3 Sarcoma de células de Kupffer
9125 0 Hemangioma epitelioide
9130 013 Hemangioendotelioma, SAI
9131 0 Hemangioma capilar
9132 0 Hemangioma intramuscular
9133 13 Hemangioendotelioma epitelioide
9135 1 Hemangioendotelioma endovascular papilar
9136 1 Hemangioendotelioma fusiforme
9137 3 Sarcoma de la íntima
9140 3 Sarcoma de Kaposi
9141 0 Angioqueratoma
9142 0 Hemangioma verrugoso queratósico
9150 013 Hemangiopericitoma
9160 0 Angiofibroma, SAI
9161 01 Hemangioblastoma
9170 03 Linfangiosarcoma
9171 0 Linfangioma capilar
9172 0 Linfangioma cavernoso
9173 0 Linfangioma quístico
9174 01 Linfangioleiomiomatosis
9175 0 Hemolinfangioma
9180 03 Osteosarcoma, SAI
9181 3 Osteosarcoma condroblástico
9182 3 Osteosarcoma fibroblástico
9183 3 Osteosarcoma telangiectásico
9184 3 Osteosarcoma en enfermedad de Paget del hueso
9185 3 Osteosarcoma de células pequeñas
9186 3 Osteosarcoma central
9187 3 Osteosarcoma intraóseo bien diferenciado
9191 0 Osteoma osteoide
9192 3 Osteosarcoma parostal
9193 3 Osteosarcoma perióstico
9194 3 Osteosarcoma de superficie de alto grado
9195 3 Osteosarcoma intracortical
9200 01 Osteoblastoma
9210 01 Osteocondroma
9220 013 Condrosarcoma, SAI
9221 03 Condrosarcoma yuxtacortical
9222 13 Tumor cartilaginoso atípico (condrosarcoma grado 1)
9230 013 Condroblastoma
9231 3 Condrosarcoma mixoide
9240 3 Condrosarcoma mesenquimal
9241 0 Fibroma condromixoide
9242 3 Condrosarcoma de células claras
9243 3 Condrosarcoma desdiferenciado
9250 13 Tumor de células gigantes del hueso
9251 13 Tumor de células gigantes de partes blandas
9252 03 Tumor tenosinovial de células gigantes
9260 3 Sarcoma de Ewing
9261 3 Adamantinoma de huesos largos
9262 0 Fibroma osificante
9270 013 Tumor odontogénico
9271 0 Ameloblastofibrodentinoma
9272 0 Cementoma, SAI
9273 0 Cementoblastoma benigno
9274 0 Fibroma cementificante
9275 0 Cementoma gigantiforme
9280 0 Odontoma, SAI
9281 0 Odontoma compuesto
9282 0 Odontoma complejo
9290 03 Fibroodontosarcoma ameloblástico
9300 0 Tumor odontogénico adenomatoide
9301 0 Quiste odontogénico calcificante
9302 03 Tumor odontogénico de células fantasma
9310 03 Ameloblastoma
9311 0 Odontoameloblastoma
9312 0 Tumor odontogénico escamoso
9320 0 Mixoma odontogénico
9321 0 Fibroma odontogénico central
9322 0 Fibroma odontogénico periférico
9330 03 Fibrosarcoma ameloblástico
9340 0 Tumor odontogénico epitelial calcificante
9341 13 Carcinoma odontogénico de células claras
9342 3 Carcinosarcoma odontogénico
9350 1 Craneofaringioma
9351 1 Craneofaringioma adamantinomatoso
9352 1 Craneofaringioma papilar
9360 1 Pinealoma
9361 1 Pineocitoma
9362 3 Pineoblastoma
9363 0 Tumor neuroectodérmico melanótico
9364 3 Tumor neuroectodérmico periférico
9365 3 Tumor de Askin
9370 3 Cordoma, SAI
9371 3 Cordoma condroide
9372 3 Cordoma desdiferenciado
9373 0 Paracordoma
9380 3 Glioma maligno
9381 3 Gliomatosis cerebral
9382 3 Glioma mixto
9383 1 Subependimoma
9384 1 Astrocitoma subependimario de células gigantes
9385 3 Glioma difuso de línea media, H3 K27M mutante
9390 013 Carcinoma de plexos coroideos (papiloma de plexos coroideos)
9391 3 Ependimoma, SAI
9392 3 Ependimoma anaplásico
9393 13 Ependimoma papilar
9394 1 Ependimoma mixopapilar
9395 3 Tumor papilar de la región pineal
9396 3 Ependimoma con fusión RELA
9400 3 Astrocitoma, SAI
9401 3 Astrocitoma anaplásico
9410 3 Astrocitoma protoplásmico
9411 3 Astrocitoma gemistocítico
9412 1 Astrocitoma desmoplásico infantil
9413 0 Tumor neuroepitelial disembrioplásico
9420 3 Astrocitoma fibrilar
9421 13 Astrocitoma pilocítico
9423 3 Espongioblastoma polar
9424 3 Xantoastrocitoma pleomórfico
9425 3 Astrocitoma pilomixoide
9430 3 Astroblastoma
9431 1 Glioma angiocéntrico
9432 1 Pituicitoma
9440 3 Glioblastoma, SAI
9441 3 Glioblastoma de células gigantes
9442 3 Gliosarcoma
9444 1 Glioma cordoide
9445 3 Glioblastoma, IDH mutante
9450 3 Oligodendroglioma, SAI
9451 3 Oligodendroglioma anaplásico
9460 3 Oligodendroblastoma
9470 3 Meduloblastoma, SAI
9471 3 Meduloblastoma desmoplásico/nodular
9472 3 Medulomioblastoma
9473 3 Tumor neuroectodérmico primitivo del SNC
9474 3 Meduloblastoma de células grandes/anaplásico
9475 3 Meduloblastoma activado por WNT
9476 3 Meduloblastoma activado por SHH
9477 3 Meduloblastoma no WNT/no SHH
9478 3 Tumor embrionario con rosetas multicapa
9480 3 Sarcoma cerebeloso, SAI
9490 03 Ganglioneuroblastoma
9491 0 Ganglioneuromatosis
9492 0 Gangliocitoma
9493 0 Gangliocitoma displásico del cerebelo (Lhermitte-Duclos)
9500 3 Neuroblastoma, SAI
9501 03 Meduloepitelioma, SAI
9502 03 Meduloepitelioma teratoide
9503 3 Neuroepitelioma, SAI
9504 3 Espongioneuroblastoma
9505 13 Ganglioglioma
9506 1 Neurocitoma central
9507 0 Tumor de Pacini
9508 3 Tumor teratoide/rabdoide atípico
9509 1 Tumor glioneuronal papilar
9510 03 Retinoblastoma, SAI
9511 3 Retinoblastoma diferenciado
9512 3 Retinoblastoma indiferenciado
9513 3 Retinoblastoma difuso
9514 1 Retinoblastoma con regresión espontánea
9520 3 Neuroblastoma olfatorio (estesioneuroblastoma)
9521 3 Neurocitoma olfatorio
9522 3 Neuroepitelioma olfatorio
9523 3 Estesioneuroepitelioma
9530 013 Meningioma, SAI
9531 0 Meningioma meningotelial
9532 0 Meningioma fibroso
9533 0 Meningioma psamomatoso
9534 0 Meningioma angiomatoso
9535 0 Meningioma hemangioblástico
9537 0 Meningioma transicional
9538 13 Meningioma de células claras / papilar
9539 13 Meningioma atípico
9540 013 Tumor maligno de la vaina de nervio periférico (neurofibroma)
9541 0 Neurofibroma melanótico
9550 0 Neurofibroma plexiforme
9560 013 Schwannoma (neurilemoma)
9561 3 Tumor maligno de la vaina de nervio periférico con diferenciación rabdomioblástica (tumor de Tritón)
9562 0 Neurotecoma
9570 0 Neuroma, SAI
9571 03 Perineurioma
9580 03 Tumor de células granulares
9581 3 Sarcoma alveolar de partes blandas
9582 0 Tumor de células granulares de la región selar
9590 3 Linfoma maligno, SAI
9591 3 Linfoma no Hodgkin, SAI
9596 3 Linfoma compuesto de Hodgkin y no Hodgkin
9597 3 Linfoma cutáneo primario de centro folicular
9650 3 Linfoma de Hodgkin, SAI
9651 3 Linfoma de Hodgkin clásico, rico en linfocitos
9652 3 Linfoma de Hodgkin clásico, celularidad mixta
9653 3 Linfoma de Hodgkin clásico, depleción linfocítica, SAI
9654 3 Linfoma de Hodgkin clásico, depleción linfocítica, fibrosis difusa
9655 3 Linfoma de Hodgkin clásico, depleción linfocítica, reticular
9659 3 Linfoma de Hodgkin con predominio linfocítico nodular
9661 3 Granuloma de Hodgkin (obsoleto)
9662 3 Sarcoma de Hodgkin (obsoleto)
9663 3 Linfoma de Hodgkin clásico, esclerosis nodular, SAI
9664 3 Linfoma de Hodgkin clásico, esclerosis nodular, fase celular
9665 3 Linfoma de Hodgkin clásico, esclerosis nodular, grado 1
9667 3 Linfoma de Hodgkin clásico, esclerosis nodular, grado 2
9670 3 Linfoma de linfocitos pequeños B, SAI
9671 3 Linfoma linfoplasmocítico
9673 3 Linfoma de células del manto
9675 3 Linfoma B difuso mixto de células pequeñas y grandes (obsoleto)
9678 3 Linfoma primario de cavidades
9679 3 Linfoma B de células grandes mediastinal (tímico)
9680 3 Linfoma difuso de células B grandes, SAI
9684 3 Linfoma inmunoblástico de células B
9687 3 Linfoma de Burkitt, SAI
9688 3 Linfoma B de células grandes rico en células T/histiocitos
9689 3 Linfoma esplénico de la zona marginal
9690 3 Linfoma folicular, SAI
9691 3 Linfoma folicular, grado 2
9695 3 Linfoma folicular, grado 1
9698 3 Linfoma folicular, grado 3
9699 3 Linfoma B de la zona marginal, SAI (MALT)
9700 3 Micosis fungoide
9701 3 Síndrome de Sézary
9702 3 Linfoma de células T maduras (periférico), SAI
9705 3 Linfoma angioinmunoblástico de células T
9708 3 Linfoma de células T de tipo paniculitis subcutánea
9709 3 Linfoma cutáneo de células T, SAI
9712 3 Linfoma B de células grandes intravascular
9714 3 Linfoma anaplásico de células grandes, de células T y nulas
9715 3 Linfoma anaplásico de células grandes, ALK negativo
9716 3 Linfoma hepatoesplénico de células T
9717 3 Linfoma de células T asociado a enteropatía
9718 3 Trastorno linfoproliferativo cutáneo primario de células T CD30+
9719 3 Linfoma de células NK/T, tipo nasal
9724 3 Enfermedad linfoproliferativa sistémica de células T de la infancia, VEB+
9725 3 Linfoma de tipo hidroa vacciniforme
9726 3 Linfoma cutáneo primario de células T gamma-delta
9727 3 Linfoma linfoblástico de células precursoras, SAI (neoplasia blástica de células dendríticas plasmocitoides)
9728 3 Linfoma linfoblástico de células B precursoras
9729 3 Linfoma linfoblástico de células T precursoras
9731 3 Plasmocitoma, SAI
9732 3 Mieloma múltiple
9733 3 Leucemia de células plasmáticas
9734 3 Plasmocitoma extramedular
9735 3 Linfoma plasmablástico
9737 3 Linfoma B de células grandes ALK positivo
9738 3 Linfoma B de células grandes asociado a HHV8
9740 13 Sarcoma de mastocitos (mastocitoma)
9741 13 Mastocitosis sistémica
9742 3 Leucemia de mastocitos
9750 3 Histiocitosis maligna
9751 13 Histiocitosis de células de Langerhans, SAI
9752 1 Histiocitosis de células de Langerhans, unifocal
9753 1 Histiocitosis de células de Langerhans, multifocal
9754 3 Histiocitosis de células de Langerhans, diseminada
9755 3 Sarcoma histiocítico
9756 3 Sarcoma de células de Langerhans
9757 3 Sarcoma de células dendríticas interdigitantes
9758 3 Sarcoma de células dendríticas foliculares
9759 3 Tumor de células reticulares fibroblásticas
9760 3 Enfermedad inmunoproliferativa, SAI
9761 3 Macroglobulinemia de Waldenström
9762 3 Enfermedad de cadenas pesadas, SAI
9764 3 Enfermedad inmunoproliferativa del intestino delgado
9765 1 Gammapatía monoclonal de significado incierto
9766 1 Lesión inmunoproliferativa angiocéntrica
9767 1 Linfadenopatía angioinmunoblástica
9768 1 Enfermedad linfoproliferativa de linfocitos grandes granulares T gamma
9769 1 Enfermedad por depósito de inmunoglobulinas
9800 3 Leucemia, SAI
9801 3 Leucemia aguda, SAI
9805 3 Leucemia aguda bifenotípica
9806 3 Leucemia aguda de fenotipo mixto con t(9;22); BCR-ABL1
9807 3 Leucemia aguda de fenotipo mixto con t(v;11q23); MLL reordenado
9808 3 Leucemia aguda de fenotipo mixto B/mieloide, SAI
9809 3 Leucemia aguda de fenotipo mixto T/mieloide, SAI
9811 3 Leucemia/linfoma linfoblástico B, SAI
9812 3 Leucemia/linfoma linfoblástico B con t(9;22); BCR-ABL1
9813 3 Leucemia/linfoma linfoblástico B con t(v;11q23); MLL reordenado
9814 3 Leucemia/linfoma linfoblástico B con t(12;21); ETV6-RUNX1
9815 3 Leucemia/linfoma linfoblástico B con hiperdiploidía
9816 3 Leucemia/linfoma linfoblástico B con hipodiploidía
9817 3 Leucemia/linfoma linfoblástico B con t(5;14); IL3-IGH
9818 3 Leucemia/linfoma linfoblástico B con t(1;19); TCF3-PBX1
9819 3 Leucemia/linfoma linfoblástico B similar a BCR-ABL1
9820 3 Leucemia linfoide, SAI
9823 3 Leucemia linfocítica crónica de células B / linfoma de linfocitos pequeños
9826 3 Leucemia de células de Burkitt
9827 3 Leucemia/linfoma de células T del adulto (HTLV-1 positivo)
9831 3 Leucemia de linfocitos grandes granulares T
9832 3 Leucemia prolinfocítica, SAI
9833 3 Leucemia prolinfocítica de células B
9834 3 Leucemia prolinfocítica de células T
9835 3 Leucemia linfoblástica de células precursoras, SAI
9836 3 Leucemia linfoblástica de células B precursoras
9837 3 Leucemia/linfoma linfoblástico T
9838 3 Leucemia/linfoma linfoblástico de precursores T tempranos
9840 3 Eritroleucemia (leucemia mieloide aguda M6)
9860 3 Leucemia mieloide, SAI
9861 3 Leucemia mieloide aguda, SAI
9863 3 Leucemia mieloide crónica, SAI
9865 3 Leucemia mieloide aguda con t(6;9); DEK-NUP214
9866 3 Leucemia promielocítica aguda con PML-RARA
9867 3 Leucemia mielomonocítica aguda
9869 3 Leucemia mieloide aguda con inv(3) o t(3;3); RPN1-EVI1
9870 3 Leucemia basófila aguda
9871 3 Leucemia mieloide aguda con inv(16) o t(16;16); CBFB-MYH11
9872 3 Leucemia mieloide aguda con diferenciación mínima
9873 3 Leucemia mieloide aguda sin maduración
9874 3 Leucemia mieloide aguda con maduración
9875 3 Leucemia mieloide crónica, BCR-ABL1 positiva
9876 3 Leucemia mieloide crónica atípica, BCR-ABL1 negativa
9877 3 Leucemia mieloide aguda con NPM1 mutado
9878 3 Leucemia mieloide aguda con mutación bialélica de CEBPA
9879 3 Leucemia mieloide aguda con RUNX1 mutado
9891 3 Leucemia monocítica aguda
9895 3 Leucemia mieloide aguda con cambios relacionados con mielodisplasia
9896 3 Leucemia mieloide aguda con t(8;21); RUNX1-RUNX1T1
9897 3 Leucemia mieloide aguda con t(9;11); MLLT3-KMT2A
9898 13 Leucemia mieloide asociada a síndrome de Down
9910 3 Leucemia megacarioblástica aguda
9911 3 Leucemia mieloide aguda (megacarioblástica) con t(1;22); RBM15-MKL1
9912 3 Leucemia mieloide aguda con BCR-ABL1
9920 3 Neoplasia mieloide relacionada con tratamiento
9930 3 Sarcoma mieloide
9931 3 Panmielosis aguda con mielofibrosis
9940 3 Tricoleucemia (leucemia de células peludas)
9945 3 Leucemia mielomonocítica crónica, SAI
9946 3 Leucemia mielomonocítica juvenil
9948 3 Leucemia agresiva de células NK
9950 3 Policitemia vera
9960 3 Neoplasia mieloproliferativa crónica, SAI
9961 3 Mielofibrosis primaria
9962 3 Trombocitemia esencial
9963 3 Leucemia neutrofílica crónica
9964 3 Síndrome hipereosinofílico (leucemia eosinofílica crónica)
9965 3 Neoplasia mieloide y linfoide con reordenamiento de PDGFRA
9966 3 Neoplasia mieloide con reordenamiento de PDGFRB
9967 3 Neoplasia mieloide y linfoide con anomalías de FGFR1
9968 3 Neoplasia mieloide y linfoide con PCM1-JAK2
9970 13 Trastorno linfoproliferativo, SAI
9971 13 Trastorno linfoproliferativo postrasplante, SAI
9975 13 Neoplasia mielodisplásica/mieloproliferativa, inclasificable
9980 3 Anemia refractaria
9982 3 Anemia refractaria con sideroblastos en anillo
9983 3 Anemia refractaria con exceso de blastos
9984 3 Anemia refractaria con exceso de blastos en transformación (obsoleto)
9985 3 Citopenia refractaria con displasia multilinaje
9986 3 Síndrome mielodisplásico con deleción 5q aislada
9987 3 Síndrome mielodisplásico relacionado con tratamiento
9989 3 Síndrome mielodisplásico, SAI
9991 3 Neutropenia refractaria
9992 3 Trombocitopenia refractaria
9993 3 Síndrome mielodisplásico con sideroblastos en anillo y displasia multilinaje
`;

const topographies = new Map<string, string>();
const topographyHeadings = new Map<string, string>();
for (const line of TOPOGRAPHY_DATA.split('\n')) {
  const m = /^(C\d\d(?:\.\d)?) (.+)$/.exec(line.trim());
  if (!m) continue;
  (m[1]!.length === 3 ? topographyHeadings : topographies).set(m[1]!, m[2]!);
}

const morphologies = new Map<string, { name: string; behaviours: readonly number[] }>();
for (const line of MORPHOLOGY_DATA.split('\n')) {
  const m = /^(\d{4}) ([0-3]+) (.+)$/.exec(line.trim());
  if (!m) continue;
  morphologies.set(m[1]!, { name: m[3]!, behaviours: Object.freeze([...m[2]!].map(Number)) });
}

/** Four-character ICD-O-3 topography code ('C71.6') → Spanish name. */
export const TOPOGRAPHIES: ReadonlyMap<string, string> = topographies;
/** Three-character ICD-O-3 topography headings ('C71') → Spanish name, for grouping. */
export const TOPOGRAPHY_HEADINGS: ReadonlyMap<string, string> = topographyHeadings;
/** Four-digit ICD-O-3 morphology code ('9811') → Spanish name and valid behaviour digits. */
export const MORPHOLOGIES: ReadonlyMap<string, { name: string; behaviours: readonly number[] }> = morphologies;

export const BEHAVIOUR_NAMES: Readonly<Record<number, string>> = {
  0: 'benigno',
  1: 'incierto si benigno o maligno',
  2: 'in situ',
  3: 'maligno, sitio primario',
  6: 'maligno, sitio metastásico',
  9: 'maligno, incierto si primario o metastásico',
};

/** 'c716', 'C71.6', ' C71.6 ' → 'C71.6'; null when it is not shaped like a topography code. */
export function normalizeTopography(input: string): string | null {
  const m = /^C?(\d{2})\.?(\d)$/i.exec((input ?? '').trim().replace(/\s+/g, ''));
  return m ? `C${m[1]}.${m[2]}` : null;
}

/**
 * 'M9811/3', '9811/3', '98113', '9811' → { code: '9811', behaviour: 3 | undefined };
 * null when it is not shaped like a morphology code.
 */
export function normalizeMorphology(input: string): { code: string; behaviour?: number } | null {
  const m = /^M?-?(\d{4})(?:\/?(\d))?$/i.exec((input ?? '').trim().replace(/\s+/g, ''));
  if (!m) return null;
  return m[2] === undefined ? { code: m[1]! } : { code: m[1]!, behaviour: Number(m[2]) };
}

export type IcdO3Field = 'topography' | 'morphology' | 'behaviour';

export type IcdO3Parse =
  | { ok: true; topography: string; morphology: string; behaviour: number; morphologyCode: string; topographyName: string; morphologyName: string }
  | { ok: false; errors: Array<{ field: IcdO3Field; message: string }> };

/**
 * Validates an ICD-O-3 diagnosis. The behaviour may come inside the morphology ('9811/3') or as
 * `behaviour`; if both are given they must agree. Registries code the primary tumour, so /6 and
 * /9 are refused with a hint. On success the codes are returned normalized ('C71.6', '9811', 3,
 * morphologyCode '9811/3') with their Spanish names.
 */
export function parseIcdO3(input: { topography: string; morphology: string; behaviour?: number | null }): IcdO3Parse {
  const errors: Array<{ field: IcdO3Field; message: string }> = [];

  let topography: string | null = null;
  if (!input.topography || !input.topography.trim()) errors.push({ field: 'topography', message: 'es obligatoria' });
  else {
    topography = normalizeTopography(input.topography);
    if (!topography) errors.push({ field: 'topography', message: 'formato inválido; use C00.0–C80.9 (p. ej., C71.6)' });
    else if (!TOPOGRAPHIES.has(topography)) {
      errors.push({ field: 'topography', message: `${topography} no existe en la CIE-O-3` });
      topography = null;
    }
  }

  let morph: { code: string; behaviour?: number } | null = null;
  let entry: { name: string; behaviours: readonly number[] } | undefined;
  if (!input.morphology || !input.morphology.trim()) errors.push({ field: 'morphology', message: 'es obligatoria' });
  else {
    morph = normalizeMorphology(input.morphology);
    if (!morph) errors.push({ field: 'morphology', message: 'formato inválido; use 4 dígitos y comportamiento (p. ej., 9811/3)' });
    else {
      entry = MORPHOLOGIES.get(morph.code);
      if (!entry) errors.push({ field: 'morphology', message: `${morph.code} no existe en la CIE-O-3` });
    }
  }

  const given = input.behaviour ?? undefined;
  let behaviour: number | undefined = morph?.behaviour ?? given;
  if (morph?.behaviour !== undefined && given !== undefined && morph.behaviour !== given) {
    errors.push({ field: 'behaviour', message: `no coincide con el de la morfología (/${morph.behaviour})` });
    behaviour = undefined;
  } else if (behaviour === undefined) {
    if (morph) errors.push({ field: 'behaviour', message: 'es obligatorio (0, 1, 2 o 3)' });
  } else if (!Number.isInteger(behaviour) || behaviour < 0 || behaviour > 9) {
    errors.push({ field: 'behaviour', message: 'debe ser 0, 1, 2 o 3' });
    behaviour = undefined;
  } else if (behaviour === 6 || behaviour === 9) {
    errors.push({ field: 'behaviour', message: `el comportamiento /${behaviour} no se registra: codifique el tumor primario (/3)` });
    behaviour = undefined;
  } else if (behaviour > 3) {
    errors.push({ field: 'behaviour', message: 'debe ser 0, 1, 2 o 3' });
    behaviour = undefined;
  } else if (entry && !entry.behaviours.includes(behaviour)) {
    errors.push({ field: 'behaviour', message: `el comportamiento /${behaviour} no aplica a esta morfología (${morph!.code}: ${entry.behaviours.map((b) => '/' + b).join(', ')})` });
  }

  if (errors.length || !topography || !morph || !entry || behaviour === undefined) return { ok: false, errors };
  return {
    ok: true,
    topography,
    morphology: morph.code,
    behaviour,
    morphologyCode: `${morph.code}/${behaviour}`,
    topographyName: TOPOGRAPHIES.get(topography)!,
    morphologyName: entry.name,
  };
}
