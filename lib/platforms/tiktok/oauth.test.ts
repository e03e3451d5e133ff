import { describe, expect, it } from "vitest";
import { TikTokApiError } from "./errors";
import { TikTokOAuth } from "./oauth";

const TOKEN_DATA = {
  access_token: "TTP_access", access_token_expire_in: 1660556783, refresh_token: "TTP_refresh", refresh_token_expire_in: 1691487031,
  open_id: "7010736057180325637", seller_name: "Jjj test shop", seller_base_region: "ID", user_type: 0, granted_scopes: ["seller.authorization.info"],
};

function oauth(answers: Response[]) {
  const urls: URL[] = [];
  const delays: number[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    urls.push(new URL(String(input)));
    return (answers.length > 1 ? answers.shift()! : answers[0]!).clone();
  }) as typeof fetch;
  const client = new TikTokOAuth({
    apiBaseUrl: "https://open-api.example", authBaseUrl: "https://auth.example/", authorizeUrl: "https://services.tiktokshop.com/open/authorize",
    appKey: "29a39d", appSecret: "sup3r-secret", serviceId: "7431458374265161478", fetch: fetchImpl, retry: { sleep: async (ms) => void delays.push(ms) },
  });
  return { client, urls, delays };
}
const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("TikTokOAuth", () => {
  it("builds the seller authorization link with the service id and our state", () => {
    const url = new URL(oauth([]).client.authorizationUrl({ state: "n0nce&x" }));
    expect(url.origin + url.pathname).toBe("https://services.tiktokshop.com/open/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({ service_id: "7431458374265161478", state: "n0nce&x" });
  });

  it("exchanges a code and turns TikTok's Unix expiry timestamps into Dates", async () => {
    const { client, urls } = oauth([answer({ code: 0, message: "success", data: TOKEN_DATA, request_id: "R" })]);
    const tokens = await client.exchangeCode("TTP_code");
    expect(urls[0]!.origin + urls[0]!.pathname).toBe("https://auth.example/api/v2/token/get");
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({ app_key: "29a39d", app_secret: "sup3r-secret", auth_code: "TTP_code", grant_type: "authorized_code" });
    expect(tokens).toEqual({
      accessToken: "TTP_access", accessTokenExpiresAt: new Date("2022-08-15T09:46:23Z"), refreshToken: "TTP_refresh",
      refreshTokenExpiresAt: new Date("2023-08-08T09:30:31Z"), openId: "7010736057180325637", sellerName: "Jjj test shop",
      sellerBaseRegion: "ID", userType: 0, grantedScopes: ["seller.authorization.info"],
    });
  });

  it("refreshes with grant_type refresh_token", async () => {
    const { client, urls } = oauth([answer({ code: 0, message: "success", data: TOKEN_DATA })]);
    await client.refreshToken("TTP_old");
    expect(urls[0]!.pathname).toBe("/api/v2/token/refresh");
    expect(urls[0]!.searchParams.get("refresh_token")).toBe("TTP_old");
    expect(urls[0]!.searchParams.get("grant_type")).toBe("refresh_token");
  });

  it("classifies a spent refresh token as needing reauthorization, without retrying or leaking the secret", async () => {
    const { client, urls } = oauth([answer({ code: 36004005, message: "can not find related auth record", request_id: "R2" })]);
    const error = (await client.refreshToken("TTP_old").catch((e: unknown) => e)) as TikTokApiError;
    expect(error).toBeInstanceOf(TikTokApiError);
    expect(error.needsReauthorization).toBe(true);
    expect(error.requestId).toBe("R2");
    expect(urls).toHaveLength(1);
    expect(JSON.stringify({ message: error.message, endpoint: error.endpoint, stack: error.stack })).not.toContain("sup3r-secret");
  });

  it("retries a rate-limited token call but not an internal error (a spent code cannot be spent again)", async () => {
    const limited = oauth([answer({ code: 36009002, message: "Too many requests." }, 429), answer({ code: 0, data: TOKEN_DATA })]);
    await expect(limited.client.exchangeCode("c")).resolves.toMatchObject({ accessToken: "TTP_access" });
    expect(limited.urls).toHaveLength(2);
    const internal = oauth([answer({ code: 36009003, message: "Internal error." }, 500)]);
    await expect(internal.client.exchangeCode("c")).rejects.toMatchObject({ kind: "retryable" });
    expect(internal.urls).toHaveLength(1);
  });

  it("refuses a token answer with a lifetime where a timestamp belongs, naming fields but no values", async () => {
    const { client } = oauth([answer({ code: 0, data: { ...TOKEN_DATA, access_token_expire_in: 604800 } })]);
    const error = (await client.exchangeCode("c").catch((e: unknown) => e)) as TikTokApiError;
    expect(error.kind).toBe("unexpected");
    expect(error.platformMessage).toBe("unexpected token answer (fields: access_token_expire_in)");
    expect(error.message).not.toContain("TTP_access");
  });
});
