// Cloudflare Access JWTs on /admin: verified against the team's keys (mocked at the network edge).
import { createExecutionContext, env } from "cloudflare:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";

afterEach(() => vi.restoreAllMocks());

const TEAM = "https://acme.cloudflareaccess.com";
const AUD = "aud-tag-123";

describe("Cloudflare Access on /admin", () => {
  it("accepts a JWT signed by the team's key with the right audience, and rejects a wrong audience or key", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const other = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const certsRequests: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (url) => {
      certsRequests.push(String(url));
      return Response.json({ keys: [jwk] });
    });
    const token = (aud: string, key = privateKey, email = "anna@acme.example") =>
      new SignJWT({ email })
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setIssuer(TEAM)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(key);
    const call = async (jwt: string, path = "/admin/stats", method = "GET") =>
      worker.fetch(
        new Request(`http://local.test${path}`, {
          method,
          headers: { "cf-access-jwt-assertion": jwt, "cf-connecting-ip": `198.18.0.${Math.floor(Math.random() * 250)}` },
        }),
        { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD, ACCESS_ADMIN_EMAILS: "boss@acme.example" },
        createExecutionContext(),
      );
    expect((await call(await token(AUD))).status).toBe(200);
    expect(certsRequests[0]).toBe(`${TEAM}/cdn-cgi/access/certs`);
    expect((await call(await token("another-app"))).status).toBe(401);
    expect((await call(await token(AUD, other.privateKey))).status).toBe(401);
    // Access users are sales unless listed as admins.
    expect((await call(await token(AUD), "/admin/leads/x/erase", "POST")).status).toBe(403);
    expect((await call(await token(AUD, privateKey, "boss@acme.example"), "/admin/leads/nope/erase", "POST")).status).toBe(404);
  });
});
