import { ClerkApp } from './ClerkApp.js';
import { DivisionPicker } from './DivisionPicker.js';
import { PublicPage } from './PublicPage.js';
import { useRoute } from './routes.js';

export function App() {
  const route = useRoute();
  if (route.page === 'public') return <PublicPage division={route.division} code={route.code} />;
  if (route.page === 'clerk') return <ClerkApp division={route.division} code={route.code} />;
  return <DivisionPicker />;
}
