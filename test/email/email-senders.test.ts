import { ConsoleEmailSender, MemoryEmailSender, type EmailMessage } from 'better-auth-entities';
import { composeEmail } from '../../src/email/templates';

const message = (to: string, kind: EmailMessage['kind'] = 'verify-email'): EmailMessage => composeEmail(kind, to, 'http://localhost:3000/x?token=t', 't', 3600);

describe('composeEmail', () => {
  it('puts the link in the text and an escaped link in the HTML, with the lifetime in words', () => {
    const email = composeEmail('reset-password', 'ada@example.com', 'http://localhost:3000/r?a=1&b="2"', 'tok', 3600);
    expect(email).toMatchObject({ to: 'ada@example.com', kind: 'reset-password', token: 'tok', subject: 'Reset your password' });
    expect(email.text).toContain('http://localhost:3000/r?a=1&b="2"');
    expect(email.text).toContain('for 1 hour');
    expect(email.html).toContain('href="http://localhost:3000/r?a=1&#38;b=&#34;2&#34;"');
    expect(email.html).not.toContain('"2"');
  });
});

describe('MemoryEmailSender', () => {
  it('keeps every email and finds the newest by kind and recipient, case-insensitively', async () => {
    const mail = new MemoryEmailSender();
    await mail.send(message('a@example.com'));
    await mail.send(message('b@example.com', 'reset-password'));
    expect(mail.sent).toHaveLength(2);
    expect(mail.last({ to: 'B@EXAMPLE.COM' })?.kind).toBe('reset-password');
    expect(mail.last({ kind: 'delete-account' })).toBeUndefined();
  });

  it('waits in next() for an email that has not arrived yet', async () => {
    const mail = new MemoryEmailSender();
    const waiting = mail.next({ to: 'late@example.com' });
    setTimeout(() => void mail.send(message('late@example.com')), 10);
    await expect(waiting).resolves.toMatchObject({ to: 'late@example.com' });
  });

  it('rejects next() when no matching email arrives in time', async () => {
    const mail = new MemoryEmailSender();
    await mail.send(message('other@example.com'));
    await expect(mail.next({ to: 'nobody@example.com' }, { timeoutMs: 20 })).rejects.toThrow('no email to nobody@example.com within 20 ms');
  });

  it('skips emails before `since` and clears on request', async () => {
    const mail = new MemoryEmailSender();
    await mail.send(message('a@example.com'));
    await expect(mail.next({ to: 'a@example.com' }, { since: 1, timeoutMs: 20 })).rejects.toThrow();
    mail.clear();
    expect(mail.sent).toHaveLength(0);
  });
});

describe('ConsoleEmailSender', () => {
  it('writes one line per email with its kind, recipient and link', async () => {
    const lines: string[] = [];
    await new ConsoleEmailSender((line) => lines.push(line)).send(message('dev@example.com'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('verify-email email to dev@example.com');
    expect(lines[0]).toContain('http://localhost:3000/x?token=t');
  });
});
