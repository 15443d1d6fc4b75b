import { sendKeys } from '@web/test-runner-commands';
import { messages, type FamilleClient } from '@famille/sdk';
import type { FamilleDashboard } from '@famille/elements';
import * as dashboardStories from '../../stories/dashboard.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { assert, focusJustBefore, tabTo, text } from './keyboard.ts';
import { waitFor, waitForText } from '../../stories/support/play.ts';
import { anotherParentOffline } from './session.ts';

const stories = dashboardStories as unknown as StoriesModule;
const ready = (canvas: HTMLElement) => waitForText(canvas, '[part~=greeting]', 'Bonjour');
const dashboardOf = (canvas: HTMLElement) => canvas.querySelector('famille-dashboard') as FamilleDashboard & { client: FamilleClient };

describe('famille-dashboard with the keyboard', () => {
  it('opens the unread message with Enter: focus on it, "1 message non lu" down to none (announced), read on the server; "Fermer" brings focus back', async () => {
    const canvas = await runStory(stories, dashboardStories.Dashboard);
    await ready(canvas);
    const count = canvas.querySelector('[part~=unread-count]')!;
    assert(count.getAttribute('role') === 'status', 'the unread count is a polite live region');
    assert(text(count) === '1 message non lu', `one unread: ${text(count)}`);
    const read: CustomEvent<{ messageId: string; unread: number }>[] = [];
    canvas.addEventListener('famille-message-read', (e) => read.push(e));

    focusJustBefore(canvas.querySelector('famille-dashboard')!);
    const unreadButton = (el: Element | null) => !!el?.matches('[part~=message-link]') && text(el).includes('Fermeture des crèches');
    await tabTo(unreadButton, 'the unread message');
    const opener = document.activeElement as HTMLElement;
    assert(opener.getAttribute('aria-expanded') === 'false', 'closed at first');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement?.matches('[part~=message] h4'), 'focus on the message’s heading');
    assert(text(document.activeElement).includes('Fermeture des crèches le 26 décembre'), `its title: ${text(document.activeElement)}`);
    assert(text(canvas.querySelector('[part~=message]')).includes('fermées le vendredi 26 décembre'), 'its text is shown');
    await waitFor(() => text(count) === 'Aucun message non lu', 'the count down to none, in the same live region');
    assert(opener.getAttribute('aria-expanded') === 'true', 'the line says it is open');
    assert(!text(opener).includes('Non lu'), 'no "Non lu" badge any more');
    assert(read.length === 1 && read[0]!.detail.unread === 0, 'famille-message-read with the new count');
    const onServer = await messages(dashboardOf(canvas).client).list();
    assert(onServer.unread === 0, `the server counts it read: ${onServer.unread}`);

    await tabTo((el) => text(el) === 'Fermer le message', '"Fermer le message"');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement === opener, 'focus back on the message’s line');
    assert(!canvas.querySelector('[part~=message]'), 'the message is closed');
  });

  it('"Afficher les demandes plus anciennes" with Enter: the next page appended, focus on its first request', async () => {
    const canvas = await runStory(stories, dashboardStories.ManyRequests);
    await ready(canvas);
    const items = () => [...canvas.querySelectorAll('[part~=requests] li')];
    assert(items().length === 5, `five at first: ${items().length}`);
    const numbers = items().map((li) => Number(/n° (\d+)/.exec(text(li))![1]));
    assert(
      numbers.every((n, i) => i === 0 || n < numbers[i - 1]!),
      `newest first: ${numbers.join(', ')}`,
    );
    focusJustBefore(canvas.querySelector('famille-dashboard')!);
    await tabTo((el) => text(el) === 'Afficher les demandes plus anciennes', 'the older requests');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => items().length === 7, 'seven requests');
    await waitFor(() => items()[5]!.contains(document.activeElement), 'focus on the sixth request');
    assert(!canvas.querySelector('[part~=requests] button'), 'no more pages');
    assert(text(items()[6]!).includes('Déposée'), `each with its status: ${text(items()[6]!)}`);
  });

  it('each block links to the host’s page of its full element (famille-page-requested, cancelable), overdue invoice first', async () => {
    const canvas = await runStory(stories, dashboardStories.Dashboard);
    await ready(canvas);
    const todo = canvas.querySelector('[part~=todo]')!;
    const dues = [...todo.querySelectorAll('ul ul li')].map(text);
    assert(dues.length === 2 && dues[0]!.includes('En retard') && !dues[1]!.includes('En retard'), `the overdue one first: ${dues.join(' | ')}`);
    assert(text(todo).includes('attestation') || text(todo).includes('justificatif'), `the request waiting for a document: ${text(todo)}`);
    assert(text(todo).includes('Jade'), `the draft to finish: ${text(todo)}`);
    const links = Object.fromEntries(
      [...canvas.querySelectorAll<HTMLAnchorElement>('famille-dashboard a[part~=button]')].map((a) => [text(a), a.getAttribute('href')]),
    );
    assert(links['Payer mes factures'] === '#factures', `invoices: ${JSON.stringify(links)}`);
    assert(links['Reprendre ma préinscription'] === '#preinscription', 'the draft');
    assert(links['Voir ma demande'] === '#preinscription', 'a pre-registration waiting for a document');
    assert(links['Gérer mes pièces justificatives'] === '#pieces', 'the documents');
    assert(links['Mon compte'] === '#compte', 'the account');
    const requested: string[] = [];
    canvas.addEventListener('famille-page-requested', (e) => {
      requested.push(e.detail.page);
      e.preventDefault();
    });
    const before = location.hash;
    focusJustBefore(canvas.querySelector('famille-dashboard')!);
    await tabTo((el) => text(el) === 'Payer mes factures', '"Payer mes factures"');
    await sendKeys({ press: 'Enter' });
    assert(requested.join() === 'invoices', `the page asked: ${requested.join()}`);
    assert(location.hash === before, 'cancelled: the host navigates itself');
  });

  it('"Pièces justificatives" shows the store only when opened (a disclosure button; its code is not loaded before)', async () => {
    const canvas = await runStory(stories, dashboardStories.Dashboard);
    await ready(canvas);
    const block = canvas.querySelector('[part~=documents]')!;
    assert(text(block).includes('Aucune pièce enregistrée'), `the store in short: ${text(block)}`);
    assert(!block.querySelector('famille-documents'), 'no <famille-documents> before it is opened');
    focusJustBefore(canvas.querySelector('famille-dashboard')!);
    await tabTo((el) => text(el) === 'Afficher mes pièces justificatives', 'the disclosure button');
    const toggle = document.activeElement as HTMLElement;
    assert(toggle.getAttribute('aria-expanded') === 'false', 'closed at first');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => toggle.getAttribute('aria-expanded') === 'true', 'open');
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    const store = panel.querySelector('famille-documents')!;
    assert(!!store, 'the store is in the panel the button controls');
    assert(store.getAttribute('heading-level') === '4' && store.hasAttribute('hide-heading'), 'its title one level below the block’s, for screen readers only');
    await waitFor(() => store.querySelector('[part~=heading]') !== null, 'the store renders');
    assert(document.activeElement === toggle && text(toggle) === 'Masquer mes pièces justificatives', 'focus stays on the button, which now hides');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !panel.querySelector('famille-documents'), 'hidden again');
  });

  it('without *-href, no link to other pages', async () => {
    const canvas = await runStory(stories, dashboardStories.WithoutLinks);
    await ready(canvas);
    assert(!canvas.querySelector('famille-dashboard a'), `no link: ${[...canvas.querySelectorAll('famille-dashboard a')].map(text).join()}`);
  });

  it('shows nothing of the previous family once another parent logs in', async () => {
    const canvas = await runStory(stories, dashboardStories.Dashboard);
    await ready(canvas);
    const el = dashboardOf(canvas);
    const alert = await anotherParentOffline(el);
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    await waitFor(() => !el.querySelector('[part~=greeting], [part~=todo], [part~=requests], [part~=messages]'), 'no block of the previous family');
    assert(!text(el).includes('Fermeture') && !text(el).includes('Jade'), `none of its words: ${text(el)}`);
  });
});
