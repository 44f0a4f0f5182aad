import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { AuditPage } from './audit/AuditPage.tsx';
import { ChangePasswordPage } from './auth/ChangePasswordPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { useSession } from './auth/session.tsx';
import { Loading, PageHeader } from './components/feedback.tsx';
import { HomePage } from './home/HomePage.tsx';
import { AgreementsPage } from './meetings/AgreementsPage.tsx';
import { CasePage } from './meetings/CasePage.tsx';
import { CasesPage } from './meetings/CasesPage.tsx';
import { MeetingFiguresPage } from './meetings/figures/MeetingFiguresPage.tsx';
import { MeetingPage } from './meetings/MeetingPage.tsx';
import { MeetingsPage } from './meetings/MeetingsPage.tsx';
import { NewCasePage } from './meetings/NewCasePage.tsx';
import { ImportPage } from './patients/ImportPage.tsx';
import { NewPatientPage } from './patients/NewPatientPage.tsx';
import { PatientRecordPage } from './patients/PatientRecordPage.tsx';
import { PatientsPage } from './patients/PatientsPage.tsx';
import { WorklistsPage } from './patients/WorklistsPage.tsx';
import { DashboardPage } from './registry/DashboardPage.tsx';
import { ProgressPage } from './registry/ProgressPage.tsx';
import { UnitProgressPage } from './registry/UnitProgressPage.tsx';
import { RolesPage } from './roles/RolesPage.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { allows } from './shell/nav.ts';
import { UnitsPage } from './units/UnitsPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { WhatsAppFiguresPage } from './whatsapp/figures/WhatsAppFiguresPage.tsx';
import { FlowPage } from './whatsapp/FlowPage.tsx';
import { FlowsPage } from './whatsapp/FlowsPage.tsx';
import { InboxPage } from './whatsapp/InboxPage.tsx';
import { SimulatorPage } from './whatsapp/SimulatorPage.tsx';
import { WhatsAppIndex } from './whatsapp/WhatsAppTabs.tsx';

export const PATHS = {
  login: '/ingresar',
  changePassword: '/cambiar-contrasena',
} as const;

/** Every route behind a live session; a pending temporary password forces the change first. */
function RequireSession() {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div className="boot">
        <Loading />
      </div>
    );
  }
  if (!user) return <Navigate to={PATHS.login} replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword && location.pathname !== PATHS.changePassword) return <Navigate to={PATHS.changePassword} replace />;
  return (
    <AppShell restricted={user.mustChangePassword}>
      <Outlet />
    </AppShell>
  );
}

/** Renders the page when the user has the permission (with a list, any one of them). */
function RequirePermission({ permission, children }: { permission: string | readonly string[]; children: ReactNode }) {
  const { user } = useSession();
  return allows(user?.permissions ?? [], permission) ? children : <Forbidden />;
}

const CASES_READ = ['cases.read', 'cases.follow', 'meetings.manage'] as const;
const CASES_WRITE = ['cases.write', 'meetings.manage'] as const;
const WHATSAPP_ANY = ['whatsapp.inbox', 'whatsapp.figures', 'whatsapp.manage'] as const;
const WHATSAPP_FLOWS = ['whatsapp.inbox', 'whatsapp.manage'] as const;

function Forbidden() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeader title={t('errors.forbiddenTitle')} intro={t('errors.forbidden')} />
      <Link to="/" className="btn btn-secondary">
        {t('errors.backHome')}
      </Link>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeader title={t('errors.notFoundTitle')} intro={t('errors.notFound')} />
      <Link to="/" className="btn btn-secondary">
        {t('errors.backHome')}
      </Link>
    </div>
  );
}

export function App() {
  return (
    <Routes>
      <Route path={PATHS.login} element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route
          path="unidades"
          element={
            <RequirePermission permission="units.read">
              <UnitsPage />
            </RequirePermission>
          }
        />
        <Route
          path="usuarios"
          element={
            <RequirePermission permission="users.manage">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="roles"
          element={
            <RequirePermission permission="users.manage">
              <RolesPage />
            </RequirePermission>
          }
        />
        <Route
          path="bitacora"
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="pacientes"
          element={
            <RequirePermission permission="patients.read">
              <PatientsPage />
            </RequirePermission>
          }
        />
        <Route
          path="pacientes/nuevo"
          element={
            <RequirePermission permission="patients.write">
              <NewPatientPage />
            </RequirePermission>
          }
        />
        <Route
          path="pacientes/importar"
          element={
            <RequirePermission permission="patients.import">
              <ImportPage />
            </RequirePermission>
          }
        />
        <Route
          path="pacientes/:id"
          element={
            <RequirePermission permission="patients.read">
              <PatientRecordPage />
            </RequirePermission>
          }
        />
        <Route
          path="pendientes"
          element={
            <RequirePermission permission="patients.read">
              <WorklistsPage />
            </RequirePermission>
          }
        />
        <Route
          path="registro"
          element={
            <RequirePermission permission="registry.progress">
              <ProgressPage />
            </RequirePermission>
          }
        />
        <Route
          path="registro/tablero"
          element={
            <RequirePermission permission="registry.progress">
              <DashboardPage />
            </RequirePermission>
          }
        />
        <Route
          path="registro/unidades/:id"
          element={
            <RequirePermission permission="registry.progress">
              <UnitProgressPage />
            </RequirePermission>
          }
        />
        <Route
          path="reuniones"
          element={
            <RequirePermission permission="meetings.read">
              <MeetingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="reuniones/cifras"
          element={
            <RequirePermission permission="meetings.read">
              <MeetingFiguresPage />
            </RequirePermission>
          }
        />
        <Route
          path="reuniones/:id"
          element={
            <RequirePermission permission="meetings.read">
              <MeetingPage />
            </RequirePermission>
          }
        />
        <Route
          path="casos"
          element={
            <RequirePermission permission={CASES_READ}>
              <CasesPage />
            </RequirePermission>
          }
        />
        <Route
          path="casos/nuevo"
          element={
            <RequirePermission permission={CASES_WRITE}>
              <NewCasePage />
            </RequirePermission>
          }
        />
        <Route
          path="casos/:id"
          element={
            <RequirePermission permission={CASES_READ}>
              <CasePage />
            </RequirePermission>
          }
        />
        <Route
          path="acuerdos"
          element={
            <RequirePermission permission="meetings.read">
              <AgreementsPage />
            </RequirePermission>
          }
        />
        <Route
          path="whatsapp"
          element={
            <RequirePermission permission={WHATSAPP_ANY}>
              <WhatsAppIndex />
            </RequirePermission>
          }
        />
        <Route
          path="whatsapp/bandeja"
          element={
            <RequirePermission permission="whatsapp.inbox">
              <InboxPage />
            </RequirePermission>
          }
        />
        <Route
          path="whatsapp/simulador"
          element={
            <RequirePermission permission="whatsapp.inbox">
              <SimulatorPage />
            </RequirePermission>
          }
        />
        <Route
          path="whatsapp/cifras"
          element={
            <RequirePermission permission="whatsapp.figures">
              <WhatsAppFiguresPage />
            </RequirePermission>
          }
        />
        <Route
          path="whatsapp/flujos"
          element={
            <RequirePermission permission={WHATSAPP_FLOWS}>
              <FlowsPage />
            </RequirePermission>
          }
        />
        <Route
          path="whatsapp/flujos/:key"
          element={
            <RequirePermission permission={WHATSAPP_FLOWS}>
              <FlowPage />
            </RequirePermission>
          }
        />
        <Route path="cambiar-contrasena" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
