"""A local OpenID Connect provider for the sign-in tests: authorization, token, userinfo and JWKS endpoints
on loopback, RS256-signed ID tokens with a key made for the run. ``claims`` sets who signs in next."""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from typing import Any
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, make_server

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


def _b64(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


class FakeProvider:
    client_id = "kohtaanto-test"
    client_secret = "fake-secret"

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.signing_key = self.key  # a test can swap in another key to forge tokens
        self.kid = "test-key"
        self.claims: dict[str, Any] = {"sub": "subject-1"}
        self.codes: dict[str, dict[str, Any]] = {}
        self.server = make_server("127.0.0.1", 0, self.app, handler_class=_Quiet)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def settings(self) -> dict[str, Any]:
        return {
            "KOHTAANTO_OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.base}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.base}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.base}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.base}/jwks",
        }

    def authorize(self, query: str) -> str:
        """What the provider does after the person signs in: the redirect back, with a code."""
        params = {k: v[0] for k, v in parse_qs(query).items()}
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"nonce": params.get("nonce"), "claims": dict(self.claims)}
        return params["redirect_uri"] + "?" + urlencode({"code": code, "state": params["state"]})

    def app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        path = environ["PATH_INFO"]
        if path == "/jwks":
            numbers = self.key.public_key().public_numbers()
            body = {"keys": [{"kty": "RSA", "kid": self.kid, "alg": "RS256", "use": "sig",
                              "n": _b64(numbers.n), "e": _b64(numbers.e)}]}  # fmt: skip
            return self._json(start_response, body)
        if path == "/token":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(size).decode()).items()}
            grant = self.codes.pop(form.get("code", ""), None)
            if grant is None or form.get("client_secret") != self.client_secret:
                return self._json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
            now = int(time.time())
            claims = {"iss": self.base, "aud": self.client_id, "iat": now, "exp": now + 300,
                      "nonce": grant["nonce"], **grant["claims"]}  # fmt: skip
            token = jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": self.kid})
            self.last_claims = grant["claims"]
            answer = {"access_token": "at-" + secrets.token_hex(8), "id_token": token, "token_type": "Bearer"}
            return self._json(start_response, answer)
        if path == "/userinfo":
            return self._json(start_response, self.last_claims)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    @staticmethod
    def _json(start_response: Any, body: Any, status: str = "200 OK") -> list[bytes]:
        start_response(status, [("Content-Type", "application/json")])
        return [json.dumps(body).encode()]
