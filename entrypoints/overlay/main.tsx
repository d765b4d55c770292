import { createRoot } from 'react-dom/client';
import { kindBadgeCss, kindColourProperties } from '../../components/kind-colours';
import overlayCss from '../../components/overlay.css?inline';
import { connectToHost } from './host-link';
import { OverlayApp } from './OverlayApp';

const link = connectToHost();
if (link) {
  const style = document.createElement('style');
  style.textContent = `${overlayCss}\n${kindColourProperties()}\n${kindBadgeCss({ followSystem: false })}`;
  document.head.append(style);
  createRoot(document.getElementById('root')!).render(<OverlayApp link={link} />);
  link.send({ type: 'ready' });
}
