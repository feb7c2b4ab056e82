import { ClerkApp } from './ClerkApp.js';
import { DepartmentApp } from './DepartmentApp.js';
import { DivisionPicker } from './DivisionPicker.js';
import { PublicPage } from './PublicPage.js';
import { useRoute } from './routes.js';

export function App() {
  const route = useRoute();
  if (route.page === 'public') return <PublicPage division={route.division} code={route.code} />;
  if (route.page === 'clerk') return <ClerkApp division={route.division} code={route.code} />;
  if (route.page === 'local-fields') return <ClerkApp division={route.division} code={null} localFields />;
  if (route.page === 'case') return <ClerkApp division={route.division} code={null} caseNumber={route.caseNumber} />;
  if (route.page === 'department') return <DepartmentApp division={route.division} caseNumber={route.caseNumber} />;
  return <DivisionPicker />;
}
