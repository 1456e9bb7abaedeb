// The console service's session routes (LANES3.md "The console's HTTP API").
import { ApiError, api } from "./client";

export interface Grant {
  role: string;
  unit_code: string;
}

export interface Me {
  user_id: string;
  name: string;
  unit_code: string;
  unit_name: string;
  roles: string[];
  grants: Grant[];
  second_factor: boolean;
  idle_timeout_seconds: number;
  /** Roles held back until the person enrols an authenticator (privileged roles need TOTP). */
  withheld_roles?: string[];
  second_factor_required?: boolean;
  /** Root units of the nodes below whose disposals this unit supervises (分级监督, Art. 29). */
  supervised_nodes?: string[];
}

export interface TotpOffer {
  otpauth_uri: string;
  secret: string;
}

export interface SignIn {
  user_id: string;
  password: string;
  totp: string | null;
}

export const session = {
  /** The signed-in user, or null when there is no session (401). */
  async current(): Promise<Me | null> {
    try {
      return (await api.get<{ user: Me }>("/api/session", { allowUnauthorised: true })).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async signIn(body: SignIn): Promise<Me> {
    return (await api.post<{ user: Me }>("/api/session", body, { allowUnauthorised: true })).user;
  },
  offerTotp: () => api.post<TotpOffer>("/api/session/totp"),
  async confirmTotp(totp: string): Promise<Me> {
    return (await api.put<{ user: Me }>("/api/session/totp", { totp })).user;
  },
  signOut: () => api.delete<void>("/api/session", { allowUnauthorised: true }),
};
