import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';

// The portal's own shadow root shows one thing: the message when the connection failed,
// styled as the elements' own messages are.
export const portalStyles = [
  formStyles(':host'),
  css`
    :host {
      display: block;
      max-inline-size: none;
    }
    :host([hidden]) {
      display: none;
    }
  `,
];
