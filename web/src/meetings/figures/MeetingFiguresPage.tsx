import { PageHeader } from '../../components/feedback.tsx';

/** Follow-up figures of the weekly meetings (/reuniones/cifras). Placeholder until the charts land. */
export function MeetingFiguresPage() {
  return (
    <div className="page">
      <PageHeader title="Cifras de seguimiento" intro="Casos recibidos, revisados y resueltos por reunión; tiempos de resolución y acuerdos." />
    </div>
  );
}
