// Defines every element at once, providers first so consumers find them: for bundling
// the whole kit into an application (`@famille/elements/define-all`). A town's page
// loads `famille.js` from the API server instead, which defines only the tags it holds.
import './portal/define.ts';
import './login/define.ts';
import './create-account/define.ts';
import './entourage/define.ts';
import './preregistration/define.ts';
import './invoices/define.ts';
import './dashboard/define.ts';
import './documents/define.ts';
import './account/define.ts';
import './tariff-simulator/define.ts';
