import { DEFAULT_PROFILE, requireProfile, type CryptoProfile } from './crypto-profiles';

/**
 * What an installer types in. The vendor says the app secret and the AES password are both the
 * company code (企业编码) shown in the K30 software: so the AES key and IV default to the app
 * secret, and the app secret defaults to the company number when it too is left empty.
 */
export interface K30Credentials {
  companyno: string;
  appSecret?: string;
  aesKey?: string;
  aesIv?: string;
  /** Crypto profile name; default `aes-cbc`. */
  profile?: string;
}

export interface ResolvedCredentials {
  companyno: string;
  appSecret: string;
  aesKey: string;
  aesIv: string;
  profile: CryptoProfile;
}

export function resolveCredentials(credentials: K30Credentials): ResolvedCredentials {
  const appSecret = credentials.appSecret || credentials.companyno;
  return {
    companyno: credentials.companyno,
    appSecret,
    aesKey: credentials.aesKey || appSecret,
    aesIv: credentials.aesIv || appSecret,
    profile: requireProfile(credentials.profile || DEFAULT_PROFILE),
  };
}
