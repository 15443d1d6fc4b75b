// The drop-in bundle's entry: every element, providers first so consumers find them.
import './portal/define.ts';
import './login/define.ts';
import './create-account/define.ts';
import './entourage/define.ts';
import './preregistration/define.ts';
import './invoices/define.ts';
