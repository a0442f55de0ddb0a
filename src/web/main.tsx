import { createRoot } from 'react-dom/client';
import { unstableSetRender } from 'antd/es/config-provider/UnstableContext';
import { App } from './app/App';
import './app/styles.css';

// antd 5 renders pop-ups (messages, modals) with the legacy React API; React 19 needs createRoot.
unstableSetRender((node, container) => {
  const c = container as Element & { _accordRoot?: ReturnType<typeof createRoot> };
  c._accordRoot ??= createRoot(container);
  c._accordRoot.render(node);
  return async () => {
    await Promise.resolve();
    c._accordRoot?.unmount();
    delete c._accordRoot;
  };
});

createRoot(document.getElementById('root')!).render(<App />);
