// Session: the user running the script, the script's time zone and the user's locale.
import type { StandInContext } from './context';
import { counted } from './counter';

type GasSession = GoogleAppsScript.Base.Session;
type GasUser = GoogleAppsScript.Base.User;

export class StandInUser implements Pick<GasUser, 'getEmail'> {
  constructor(
    readonly ctx: StandInContext,
    readonly email: string,
  ) {}

  getEmail(): string {
    return this.email;
  }
}

const SESSION_METHODS = [
  'getActiveUser',
  'getActiveUserLocale',
  'getEffectiveUser',
  'getScriptTimeZone',
  'getTemporaryActiveUserKey',
] as const;
type SessionMethod = (typeof SESSION_METHODS)[number];

export class StandInSession implements Pick<GasSession, SessionMethod> {
  constructor(
    readonly ctx: StandInContext,
    private readonly locale: string,
  ) {}

  /** The user running now (`standIn.asUser` changes it for a while). */
  private get email(): string {
    return this.ctx.userEmail;
  }

  /**
   * In custom functions and time-driven triggers Apps Script usually cannot tell who the user is: the
   * email is then "" (scripts must not rely on it there).
   */
  getActiveUser(): GasUser {
    const known = this.ctx.mode === 'script';
    return new StandInUser(this.ctx, known ? this.email : '') as unknown as GasUser;
  }

  getEffectiveUser(): GasUser {
    return new StandInUser(
      this.ctx,
      this.ctx.mode === 'customFunction' ? '' : this.email,
    ) as unknown as GasUser;
  }

  getActiveUserLocale(): string {
    return this.locale;
  }

  getScriptTimeZone(): string {
    return this.ctx.scriptTimeZone;
  }

  getTemporaryActiveUserKey(): string {
    return `temporary-key-${Buffer.from(this.email).toString('base64url')}`;
  }
}

counted(StandInUser, 'User', 'Session', ['getEmail']);
counted(StandInSession, 'Session', 'Session', SESSION_METHODS);
