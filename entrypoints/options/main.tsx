import { createRoot } from 'react-dom/client';
import { OptionsPage } from './OptionsPage';
import './options.css';

createRoot(document.getElementById('root')!).render(<OptionsPage />);
