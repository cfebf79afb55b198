/** Renderer entry. PLACEHOLDER until the guided app (issue 5). */
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>Révision</p>);
