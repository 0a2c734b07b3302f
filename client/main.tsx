/** Client entry: for now a read-only summary of the seed boards, computed in the browser by the shared engine. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SeedSummary } from './views/SeedSummary';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SeedSummary />
  </StrictMode>,
);
