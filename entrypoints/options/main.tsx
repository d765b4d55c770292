import { createRoot } from 'react-dom/client';
import { addKindColours } from '../../components/kind-colours';
import { OptionsPage } from './OptionsPage';
import '../../components/extension-page.css';
import './options.css';

addKindColours();
createRoot(document.getElementById('root')!).render(<OptionsPage />);
