// The list view: the household by group, each member's card, and the "+" buttons.
import { html, nothing, type TemplateResult } from 'lit';
import type { DocumentInfo, FamilyRequest, Member } from '@famille/contract';
import { kindOf, memberName, type Key, type MemberKind } from './state.ts';
import { statusBadge } from './status-badge.ts';
import type { ViewContext } from './view-context.ts';

/** What the parent can do from the list. */
export interface MembersListActions {
  /** "+ Ajouter…": a member of `kind`, or the choice of the kind first. */
  add(kind?: MemberKind): void;
  edit(member: Member): void;
  remove(member: Member): void;
  download(document: DocumentInfo): void;
  /** The button whose form is on its way (`add-enfant`, `edit-<id>`…): busy meanwhile. */
  opening: string | undefined;
  /** Shown under the title: why that form could not come (with "Réessayer"). */
  problem: unknown;
}

/** `'true'` for `aria-busy` and `aria-disabled` of the button `key` while its form is on its way (it stays focusable). */
const busy = (actions: MembersListActions, key: string) => (actions.opening === key ? 'true' : nothing);

const addKeys: Record<MemberKind, Key> = { coRepresentant: 'addCoRepresentant', enfant: 'addEnfant', futur: 'addFutur', contact: 'addContact' };

/** The members by group (co-parent, household, contacts), under the element's title. */
export function membersList(ctx: ViewContext, members: readonly Member[], requests: readonly FamilyRequest[], actions: MembersListActions): TemplateResult {
  const { t } = ctx.i18n;
  const of = (...k: MemberKind[]) => members.filter((m) => k.includes(kindOf(m)));
  const group = (key: string, title: Key, hint: Key, list: Member[], adds: MemberKind[]) => html`<section
    class="famille-group" part="group" aria-labelledby=${ctx.id(key)}>
    ${ctx.heading(t(title), { depth: 1, id: ctx.id(key) })}
    <p class="famille-hint">${t(hint)}</p>
    ${list.length ? html`<ul class="famille-members" role="list">${list.map((m) => memberCard(ctx, m, requests, actions))}</ul>` : html`<p>${t('noneInGroup')}</p>`}
    ${
      adds.length
        ? html`<div class="famille-actions">${adds.map(
            (kind) => html`<button type="button" class="famille-button famille-button--secondary" part="button" data-add=${kind}
              aria-busy=${busy(actions, `add-${kind}`)} aria-disabled=${busy(actions, `add-${kind}`)} @click=${() => actions.add(kind)}><span aria-hidden="true">+ </span>${t(addKeys[kind])}</button>`,
          )}</div>`
        : nothing
    }
  </section>`;
  const hasCo = of('coRepresentant').length > 0;
  return html`${ctx.heading(t('entourageHeading'), { id: ctx.id('heading') })}
    ${actions.problem}
    <p>${t('entourageIntro')}</p>
    <button type="button" class="famille-button" part="button" data-add="any" aria-busy=${busy(actions, 'add-any')}
      aria-disabled=${busy(actions, 'add-any')} @click=${() => actions.add()}>
      <span aria-hidden="true">+ </span>${t('addMember')}
    </button>
    ${
      members.length
        ? nothing
        : html`<div class="famille-empty" part="notice">
          <p><strong>${t('emptyTitle')}</strong></p>
          <p>${t('emptyWhy')}</p>
        </div>`
    }
    ${group('co', 'groupCoRepresentant', 'groupCoRepresentantHint', of('coRepresentant'), hasCo ? [] : ['coRepresentant'])}
    ${group('foyer', 'groupFoyer', 'groupFoyerHint', of('enfant', 'futur'), ['enfant', 'futur'])}
    ${group('contacts', 'groupContacts', 'groupContactsHint', of('contact'), ['contact'])}`;
}

/** The id of a member's card (where focus returns after "Modifier" is left). */
export const memberCardId = (ctx: Pick<ViewContext, 'id'>, member: Member): string => ctx.id(`m-${member.id}`);

/** What the card says under the name: dates, relationship and permissions, contact details. */
function memberDetails({ i18n: { t, date } }: ViewContext, member: Member): string[] {
  const p = member.profile;
  const details: string[] = [];
  if (p.role === 'enfant') {
    if (p.dateNaissance) details.push(t('bornOn', { date: date(p.dateNaissance) }));
    if (p.dateNaissancePrevue) details.push(t('expectedOn', { date: date(p.dateNaissancePrevue) }));
  }
  if (p.role === 'contact') {
    details.push(p.lien, p.telephone);
    if (p.autoriseRecuperation) details.push(t('autoriseRecuperation'));
    if (p.appelUrgence) details.push(t('appelUrgence'));
  }
  if (p.role === 'coRepresentant') details.push(...[p.email, p.mobile ?? p.telephone].filter((v): v is string => !!v));
  return details;
}

/** One member: name, status, details, the service's last comment, documents, and its actions. */
function memberCard(ctx: ViewContext, member: Member, requests: readonly FamilyRequest[], actions: MembersListActions): TemplateResult {
  const { t } = ctx.i18n;
  const name = memberName(member, t('futureChild'));
  const comment = requests.find((r) => r.memberId === member.id)?.history.at(-1)?.comment;
  const details = memberDetails(ctx, member);
  return html`<li class="famille-member" part="member" id=${memberCardId(ctx, member)}>
    ${ctx.heading(html`${name} <span class="famille-sr">(${t(`kind_${kindOf(member)}`)})</span>`, { depth: 2 })}
    <p class="famille-badges">${statusBadge(ctx, member.status)} ${member.removalRequested ? statusBadge(ctx, 'removal') : nothing}</p>
    ${details.length ? html`<p>${details.join(' · ')}</p>` : nothing}
    ${comment ? html`<p><strong>${t('serviceComment')} :</strong> ${comment}</p>` : nothing}
    ${
      member.documents.length
        ? html`<ul class="famille-docs">${member.documents.map(
            (d) =>
              html`<li><button type="button" class="famille-link" part="link" @click=${() => actions.download(d)}>${t('download')}<span class="famille-sr"> ${d.fileName}</span></button> <span aria-hidden="true">${d.fileName}</span></li>`,
          )}</ul>`
        : nothing
    }
    ${
      member.removalRequested
        ? nothing
        : html`<div class="famille-actions">
          <button type="button" class="famille-button famille-button--secondary" part="button"
            aria-busy=${busy(actions, `edit-${member.id}`)} aria-disabled=${busy(actions, `edit-${member.id}`)} @click=${() => actions.edit(member)}>
            ${t('editMember')}<span class="famille-sr"> ${name}</span>
          </button>
          <button type="button" class="famille-button famille-button--secondary" part="button" data-remove=${member.id}
            aria-busy=${busy(actions, `remove-${member.id}`)} aria-disabled=${busy(actions, `remove-${member.id}`)} @click=${() => actions.remove(member)}>${t('removeMember')}<span class="famille-sr"> ${name}</span></button>
        </div>`
    }
  </li>`;
}
