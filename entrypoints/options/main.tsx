import { createRoot } from 'react-dom/client';
import { addKindColours } from '../../components/kind-colours';
import { OptionsPage } from './OptionsPage';
import './options.css';

addKindColours();
createRoot(document.getElementById('root')!).render(<OptionsPage />);
