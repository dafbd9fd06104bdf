import { EmailVerificationPlugin } from 'better-auth-entities/plugins';
import { builtinBackends, type BuiltinDatabase } from '../../support/builtin-backends';
import { call } from '../../support/test-auth';
import { as, join, organizationOf, orgAuth, person, refusal, unique } from './org-support';

const BACKENDS = builtinBackends('org-invitations').filter(([name]) => name !== 'SQLite');

describe.each(BACKENDS)('invitations on %s', (_name, open) => {
  const backend = { database: (): BuiltinDatabase => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  it('invite → email with the accept link → get → accept: one member, the organization active, the invitation accepted', async () => {
    const database = backend.database();
    const { handler, emails } = orgAuth(database);
    const [owner, invitee] = [await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: invitee.email.toUpperCase(), role: 'admin', organizationId: org.id });
    expect(invited.status).toBe(200);
    expect(invited.json).toMatchObject({ email: invitee.email, role: 'admin', status: 'pending', organizationId: org.id, inviterId: owner.id });
    expect(new Date(invited.json.expiresAt).getTime() - Date.now()).toBeGreaterThan(47 * 3600 * 1000);
    const email = emails.last({ to: invitee.email });
    expect(email).toMatchObject({ kind: 'organization:invitation', token: invited.json.id, url: `http://localhost:3000/accept-invitation/${invited.json.id}` });
    expect(email!.text).toContain(`Org ${org.slug}`);

    const got = await as(handler, invitee).get('/organization/get-invitation', { id: invited.json.id });
    expect(got.json).toMatchObject({ id: invited.json.id, organizationName: `Org ${org.slug}`, organizationSlug: org.slug, inviterEmail: owner.email });
    const mine = await as(handler, invitee).get('/organization/list-user-invitations');
    expect(mine.json).toEqual([expect.objectContaining({ id: invited.json.id, organizationName: `Org ${org.slug}` })]);
    expect((await as(handler, owner).get('/organization/list-invitations', { organizationId: org.id })).json.map((i: { id: string }) => i.id)).toEqual([invited.json.id]);

    const accepted = await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ invitation: { id: invited.json.id, status: 'accepted' }, member: { userId: invitee.id, organizationId: org.id, role: 'admin' } });
    expect((await as(handler, invitee).get('/get-session')).json.session.activeOrganizationId).toBe(org.id);
    expect(refusal(await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id }))).toEqual({ status: 400, code: 'INVITATION_NOT_FOUND' });
    expect((await as(handler, invitee).get('/organization/list-user-invitations')).json).toEqual([]);
  });

  it('accepting someone else’s invitation, an expired one, or anonymously is refused and changes nothing', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, invitee, other] = [await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id });
    expect(refusal(await as(handler, other).post('/organization/accept-invitation', { invitationId: invited.json.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION' });
    expect(refusal(await as(handler, other).get('/organization/get-invitation', { id: invited.json.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION' });
    expect(refusal(await as(handler, other).post('/organization/reject-invitation', { invitationId: invited.json.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION' });
    expect((await call(handler, 'POST', '/organization/accept-invitation', { body: { invitationId: invited.json.id } })).status).toBe(401);
    expect(await database.getMember(org.id, other.id)).toBeNull();
    expect((await database.getInvitationById(invited.json.id))!.status).toBe('pending');

    await database.updateInvitation(invited.json.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(refusal(await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id }))).toEqual({ status: 400, code: 'INVITATION_NOT_FOUND' });
    expect(refusal(await as(handler, invitee).get('/organization/get-invitation', { id: invited.json.id }))).toEqual({ status: 400, code: 'INVITATION_NOT_FOUND' });
    expect((await as(handler, invitee).get('/organization/list-user-invitations')).json).toEqual([]);
    expect(await database.getMember(org.id, invitee.id)).toBeNull();
    expect(refusal(await as(handler, invitee).post('/organization/accept-invitation', { invitationId: 'no-such-invitation' }))).toEqual({ status: 400, code: 'INVITATION_NOT_FOUND' });
  });

  it('an invitation is refused at acceptance once its inviter was demoted below its role or left, and nobody joins', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, inviter, first, second] = [await person(handler, database), await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const inviterMemberId = await join(handler, owner, org.id, inviter, 'admin');
    const toFirst = await as(handler, inviter).post('/organization/invite-member', { email: first.email, role: 'admin', organizationId: org.id });
    const toSecond = await as(handler, inviter).post('/organization/invite-member', { email: second.email, role: 'member', organizationId: org.id });
    expect([toFirst.status, toSecond.status]).toEqual([200, 200]);

    expect((await as(handler, owner).post('/organization/update-member-role', { organizationId: org.id, memberId: inviterMemberId, role: 'member' })).status).toBe(200);
    expect(refusal(await as(handler, first).post('/organization/accept-invitation', { invitationId: toFirst.json.id }))).toEqual({ status: 403, code: 'INVITER_CAN_NO_LONGER_GRANT_THIS_ROLE' });

    expect((await as(handler, inviter).post('/organization/leave', { organizationId: org.id })).status).toBe(200);
    expect(refusal(await as(handler, second).post('/organization/accept-invitation', { invitationId: toSecond.json.id }))).toEqual({ status: 403, code: 'INVITER_CAN_NO_LONGER_GRANT_THIS_ROLE' });
    expect([await database.getMember(org.id, first.id), await database.getMember(org.id, second.id)]).toEqual([null, null]);
    expect((await database.getInvitationById(toFirst.json.id))!.status).toBe('pending');
  });

  it('concurrent accepts: exactly one succeeds, one member is created', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, invitee] = [await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id });
    const answers = await Promise.all(Array.from({ length: 6 }, () => as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 200)) expect(['INVITATION_NOT_FOUND', 'USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION']).toContain(answer.json.code);
    expect(await database.countMembers(org.id)).toBe(2);
    expect((await database.getInvitationById(invited.json.id))!.status).toBe('accepted');
  });

  it('invitations accepted at once cannot both take the last seat of the membership limit', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database, { membershipLimit: 2 });
    const owner = await person(handler, database);
    const invitees = [await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const invitations: string[] = [];
    for (const invitee of invitees) invitations.push((await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id })).json.id);
    const answers = await Promise.all(invitees.map((invitee, i) => as(handler, invitee).post('/organization/accept-invitation', { invitationId: invitations[i] })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403, 403]);
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.json.code)).toEqual(['ORGANIZATION_MEMBERSHIP_LIMIT_REACHED', 'ORGANIZATION_MEMBERSHIP_LIMIT_REACHED']);
    expect(await database.countMembers(org.id)).toBe(2);
  });

  it('a failing accept (a hook refusing) leaves the invitation pending and nobody a member', async () => {
    const database = backend.database();
    let refuse = true;
    const { handler } = orgAuth(database, {
      organizationHooks: {
        beforeAcceptInvitation: async () => {
          if (refuse) throw new Error('provisioning is down');
        },
      },
    });
    const [owner, invitee] = [await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id });
    expect((await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id })).status).toBe(500);
    expect((await database.getInvitationById(invited.json.id))!.status).toBe('pending');
    expect(await database.getMember(org.id, invitee.id)).toBeNull();
    refuse = false;
    expect((await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id })).status).toBe(200);
  });

  it('a member inviting is refused; admins cannot invite owners; duplicates, members and bad addresses are refused', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, admin, member, invitee] = [await person(handler, database), await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    await join(handler, owner, org.id, admin, 'admin');
    await join(handler, owner, org.id, member);
    const invite = (who: typeof owner, body: Record<string, unknown>) => as(handler, who).post('/organization/invite-member', { organizationId: org.id, ...body });
    expect(refusal(await invite(member, { email: invitee.email, role: 'member' }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION' });
    expect(refusal(await invite(admin, { email: invitee.email, role: 'owner' }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE' });
    expect(refusal(await invite(admin, { email: invitee.email, role: 'wizard' }))).toEqual({ status: 400, code: 'ROLE_NOT_FOUND' });
    expect(refusal(await invite(admin, { email: member.email, role: 'member' }))).toEqual({ status: 400, code: 'USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION' });
    expect(refusal(await invite(admin, { email: 'not-an-email', role: 'member' }))).toEqual({ status: 400, code: 'INVALID_EMAIL' });
    const stranger = await person(handler, database);
    expect(refusal(await invite(stranger, { email: invitee.email, role: 'member' }))).toEqual({ status: 400, code: 'MEMBER_NOT_FOUND' });
    const first = await invite(admin, { email: invitee.email, role: 'member' });
    expect(first.status).toBe(200);
    expect(refusal(await invite(admin, { email: invitee.email, role: 'member' }))).toEqual({ status: 400, code: 'USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION' });
    const resent = await invite(admin, { email: invitee.email, role: 'member', resend: true });
    expect(resent.json.id).toBe(first.json.id);
    // A member may not list the organization's invitations (their ids are accept links).
    expect(refusal(await as(handler, member).get('/organization/list-invitations', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS' });
    expect(refusal(await as(handler, stranger).get('/organization/list-invitations', { organizationId: org.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION' });
    expect(await database.countPendingInvitations(org.id)).toBe(1);
  });

  it('cancel by those who may; reject by the invitee; both only once', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database);
    const [owner, member, invitee] = [await person(handler, database), await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    await join(handler, owner, org.id, member);
    const one = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id });
    expect(refusal(await as(handler, member).post('/organization/cancel-invitation', { invitationId: one.json.id }))).toEqual({ status: 403, code: 'YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION' });
    expect((await as(handler, owner).post('/organization/cancel-invitation', { invitationId: one.json.id })).json).toMatchObject({ id: one.json.id, status: 'canceled' });
    expect(refusal(await as(handler, owner).post('/organization/cancel-invitation', { invitationId: one.json.id }))).toEqual({ status: 400, code: 'INVITATION_NOT_FOUND' });
    expect(refusal(await as(handler, invitee).post('/organization/accept-invitation', { invitationId: one.json.id }))).toEqual({ status: 400, code: 'INVITATION_NOT_FOUND' });
    const two = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id });
    expect((await as(handler, invitee).post('/organization/reject-invitation', { invitationId: two.json.id })).json).toEqual({ invitation: expect.objectContaining({ id: two.json.id, status: 'rejected' }), member: null });
    expect(refusal(await as(handler, invitee).post('/organization/reject-invitation', { invitationId: two.json.id }))).toEqual({ status: 400, code: 'INVITATION_NOT_FOUND' });
    expect(await database.getMember(org.id, invitee.id)).toBeNull();
  });

  it('re-invites cancel the pending one when configured; the invitation limit holds', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database, { cancelPendingInvitationsOnReInvite: true, invitationLimit: 2 });
    const owner = await person(handler, database);
    const org = await organizationOf(handler, owner);
    const email = `${unique('again')}@example.com`;
    const first = await as(handler, owner).post('/organization/invite-member', { email, role: 'member', organizationId: org.id });
    const second = await as(handler, owner).post('/organization/invite-member', { email, role: 'admin', organizationId: org.id });
    expect(second.status).toBe(200);
    expect((await database.getInvitationById(first.json.id))!.status).toBe('canceled');
    await as(handler, owner).post('/organization/invite-member', { email: `${unique('b')}@example.com`, role: 'member', organizationId: org.id });
    expect(refusal(await as(handler, owner).post('/organization/invite-member', { email: `${unique('c')}@example.com`, role: 'member', organizationId: org.id }))).toEqual({ status: 403, code: 'INVITATION_LIMIT_REACHED' });
  });

  it('a verified address is needed to list one’s invitations always, and to accept when sign-in requires verified emails', async () => {
    const database = backend.database();
    const { handler } = orgAuth(database, {}, [new EmailVerificationPlugin({ requireEmailVerification: true, sendOnSignUp: false })]);
    // Sign-up opens no session when sign-in needs a verified email: the people sign up on a relaxed instance
    // over the same database, and their sessions serve on the strict one.
    const relaxed = orgAuth(database);
    const owner = await person(relaxed.handler, database);
    const invitee = await person(relaxed.handler, database, { verified: false });
    const org = await organizationOf(handler, owner);
    const invited = await as(handler, owner).post('/organization/invite-member', { email: invitee.email, role: 'member', organizationId: org.id });
    expect(refusal(await as(handler, invitee).get('/organization/list-user-invitations'))).toEqual({ status: 403, code: 'EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION' });
    expect(refusal(await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id }))).toEqual({ status: 403, code: 'EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION' });
    expect(refusal(await as(handler, invitee).get('/organization/get-invitation', { id: invited.json.id }))).toEqual({ status: 403, code: 'EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION' });
    await database.updateUser(invitee.id, { emailVerified: true });
    expect((await as(handler, invitee).post('/organization/accept-invitation', { invitationId: invited.json.id })).status).toBe(200);

    // Without the requirement (and the option off), an unverified invitee may accept, but never list by address.
    const lax = await person(relaxed.handler, database, { verified: false });
    const again = await as(relaxed.handler, owner).post('/organization/invite-member', { email: lax.email, role: 'member', organizationId: org.id });
    expect(refusal(await as(relaxed.handler, lax).get('/organization/list-user-invitations'))).toEqual({ status: 403, code: 'EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION' });
    expect((await as(relaxed.handler, lax).post('/organization/accept-invitation', { invitationId: again.json.id })).status).toBe(200);
    const strict = orgAuth(database, { requireEmailVerificationOnInvitation: true });
    const unverified = await person(strict.handler, database, { verified: false });
    const third = await as(strict.handler, owner).post('/organization/invite-member', { email: unverified.email, role: 'member', organizationId: org.id });
    expect(refusal(await as(strict.handler, unverified).post('/organization/accept-invitation', { invitationId: third.json.id }))).toEqual({ status: 403, code: 'EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION' });
    expect(refusal(await as(strict.handler, unverified).get('/organization/list-user-invitations', { email: unverified.email }))).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
  });

  it('sendInvitationEmail replaces the default email; the server API invites and accepts', async () => {
    const database = backend.database();
    const sent: Array<{ email: string; url: string; role: string }> = [];
    const { auth, handler, emails } = orgAuth(database, {
      sendInvitationEmail: async (data) => { sent.push({ email: data.email, url: data.url, role: data.role }); },
      invitationUrl: (id) => `https://app.example/join/${id}`,
    });
    const [owner, invitee] = [await person(handler, database), await person(handler, database)];
    const org = await organizationOf(handler, owner);
    const invitation = await auth.api.organization.inviteMember({ organizationId: org.id, inviterId: owner.id, email: invitee.email, role: 'member' });
    expect(sent).toEqual([{ email: invitee.email, url: `https://app.example/join/${invitation.id}`, role: 'member' }]);
    expect(emails.sent).toHaveLength(0);
    expect(await auth.api.organization.listUserInvitations({ email: invitee.email })).toHaveLength(1);
    const { member } = await auth.api.organization.acceptInvitation({ invitationId: invitation.id, userId: invitee.id });
    expect(member).toMatchObject({ userId: invitee.id, role: 'member' });
    await expect(auth.api.organization.acceptInvitation({ invitationId: invitation.id, userId: invitee.id })).rejects.toMatchObject({ code: 'INVITATION_NOT_FOUND' });
  });
});
