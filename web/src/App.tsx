import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { AuditPage } from './audit/AuditPage.tsx';
import { ChangePasswordPage } from './auth/ChangePasswordPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { useSession } from './auth/session.tsx';
import { Loading, PageHeader } from './components/feedback.tsx';
import { HomePage } from './home/HomePage.tsx';
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
import { UnitsPage } from './units/UnitsPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';

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

function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <Forbidden />;
}

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
        <Route path="cambiar-contrasena" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
