import 'i18next';
import type { en } from './resources.ts';

// Keys are typed from the English catalog: a key it lacks does not compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
