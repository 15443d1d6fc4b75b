// The drop-in bundle's entry: every element, providers first so consumers find them.
//
// Texts and styles are imported first, each kind together: Rollup lays modules out in
// this order, and gzip only looks 32 KB back: texts beside texts and style sheets beside
// style sheets compress better than each element's texts between its code (`npm run
// size`). These modules only declare data.
import './i18n/localize.ts';
import './create-account/messages.ts';
import './entourage/messages.ts';
import './preregistration/messages.ts';
import './invoices/messages.ts';
import './form/form.styles.ts';
import './portal/portal.styles.ts';
import './login/login.styles.ts';
import './create-account/create-account.styles.ts';
import './entourage/entourage.styles.ts';
import './preregistration/preregistration.styles.ts';
import './invoices/invoices.styles.ts';

import './portal/define.ts';
import './login/define.ts';
import './create-account/define.ts';
import './entourage/define.ts';
import './preregistration/define.ts';
import './invoices/define.ts';
