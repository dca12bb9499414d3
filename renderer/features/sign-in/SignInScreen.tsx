// Environment: browser. Sign-in: hub URL (prefilled from the desk core), email, password. Errors in words.
import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { deskCalls } from '../../../shared/desk-api.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/en.js';
import { useDesk } from '../../store/use-desk.js';

const fieldErrors: Record<string, MessageKey> = {
  hubUrl: 'signIn.invalidHubUrl',
  email: 'signIn.invalidEmail',
  password: 'signIn.missingPassword',
};

/** A form field: its visible label names the input. */
function LabelledInput({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input {...input} />
    </label>
  );
}

export function SignInScreen() {
  const { t } = useTranslation();
  const defaultHubUrl = useDesk((state) => state.defaultHubUrl);
  const pending = useDesk((state) => state.signInPending);
  const serverError = useDesk((state) => state.signInError);
  const signIn = useDesk((state) => state.signIn);
  const [hubUrl, setHubUrl] = useState(defaultHubUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = deskCalls.signIn.args.safeParse({ hubUrl: hubUrl.trim(), email: email.trim(), password });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      setFormErrors(
        [...fields].map((field) => {
          const key = fieldErrors[field];
          return key ? t(key) : t('signIn.failed', { message: field });
        }),
      );
      return;
    }
    setFormErrors([]);
    void signIn(parsed.data);
  };

  const errors = formErrors.length > 0 ? formErrors : serverError ? [serverError] : [];

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-heading">
        <div className="sign-in__brand" aria-hidden="true">
          HD
        </div>
        <h1 id="sign-in-heading">{t('signIn.heading')}</h1>
        <p className="sign-in__lead">{t('signIn.lead')}</p>
        <LabelledInput
          label={t('signIn.hubUrl')}
          type="url"
          name="hubUrl"
          value={hubUrl}
          onChange={(event) => setHubUrl(event.target.value)}
          autoComplete="url"
          spellCheck={false}
        />
        <LabelledInput
          label={t('signIn.email')}
          type="email"
          name="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="username"
          autoFocus
          spellCheck={false}
        />
        <LabelledInput
          label={t('signIn.password')}
          type="password"
          name="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
        />
        {errors.length > 0 && (
          <div role="alert" className="alert alert--error">
            {errors.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <button
          type="submit"
          className="button button--primary button--wide"
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        <div className="sign-in__status">
          <ConnectionStatus />
        </div>
      </form>
    </main>
  );
}
