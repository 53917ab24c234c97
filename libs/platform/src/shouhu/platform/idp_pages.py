"""The embedded identity provider's pages: sign-in, sign-out and errors, in Chinese.

Keycloak's login page with the realm's locale zh-CN, in the plainest form: a form whose inputs
are named `username` and `password` (as Keycloak's are, so a browser test fills either), labels
on every input, and no script.
"""

from __future__ import annotations

from html import escape

from fastapi.responses import HTMLResponse

REALM_TITLE = "守护 · 困境儿童和留守儿童关爱保护平台"

# No script, no frames, nothing from elsewhere; the form posts back to this origin. No
# `form-action`: Chrome applies it to the redirect after the post too, which goes to the console.
_HEADERS = {
    "Cache-Control": "no-store, must-revalidate",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

_STYLE = """
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; font: 14px/1.6 "PingFang SC", "Microsoft YaHei",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #303133;
  background: linear-gradient(180deg, #1f4e99 0, #1f4e99 240px, #f0f2f5 240px); }
header { color: #fff; text-align: center; padding: 48px 16px 24px; }
header h1 { margin: 0; font-size: 24px; letter-spacing: 2px; }
header p { margin: 4px 0 0; opacity: .85; }
main { max-width: 400px; margin: 0 auto; background: #fff; border-radius: 6px;
  box-shadow: 0 2px 12px rgba(0, 0, 0, .12); padding: 32px 36px; }
main h2 { margin: 0 0 20px; font-size: 18px; text-align: center; }
label { display: block; margin: 12px 0 6px; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; height: 40px; padding: 0 12px;
  border: 1px solid #c0c4cc; border-radius: 4px; font-size: 15px; }
input:focus, button:focus { outline: 3px solid #79bbff; outline-offset: 1px; }
button { width: 100%; height: 42px; margin-top: 24px; border: 0; border-radius: 4px;
  background: #1f4e99; color: #fff; font-size: 16px; letter-spacing: 8px; cursor: pointer; }
button:hover { background: #163b75; }
.alert { padding: 10px 12px; border-radius: 4px; background: #fef0f0; color: #b3261e;
  border: 1px solid #fbc4c4; }
.info { padding: 10px 12px; border-radius: 4px; background: #ecf5ff; color: #1f4e99; }
footer { text-align: center; color: #606266; font-size: 12px; padding: 24px 16px; }
a { color: #1f4e99; }
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · 守护</title>
<style>{_STYLE}</style>
</head>
<body>
<header><h1>守护</h1><p>困境儿童和留守儿童关爱保护平台</p></header>
<main>
{body}
</main>
<footer>北京市门头沟区民政局 · 本系统含未成年人敏感个人信息，仅限授权人员使用</footer>
</body>
</html>
"""
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


def login_page(action: str, *, username: str = "", error: str | None = None) -> HTMLResponse:
    """The sign-in form; `action` is where it posts (the pending request's own address)."""
    alert = f'<p class="alert" role="alert" id="input-error">{escape(error)}</p>' if error else ""
    invalid = ' aria-invalid="true" aria-describedby="input-error"' if error else ""
    body = f"""<h2>登录您的账户</h2>
{alert}
<form id="kc-form-login" method="post" action="{escape(action)}">
<label for="username">用户名</label>
<input id="username" name="username" type="text" value="{escape(username)}"
 autocomplete="username" autofocus required{invalid}>
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password"
 required{invalid}>
<button id="kc-login" type="submit">登录</button>
</form>"""
    return _page("登录", body)  # 200 with the error, as Keycloak answers


def logout_confirm_page(action: str) -> HTMLResponse:
    """Keycloak asks before it signs out a request that did not prove where it came from."""
    body = f"""<h2>退出登录</h2>
<p>您确定要退出登录吗？</p>
<form method="post" action="{escape(action)}">
<input type="hidden" name="confirm" value="1">
<button id="kc-logout" type="submit">退出</button>
</form>"""
    return _page("退出登录", body)


def logged_out_page() -> HTMLResponse:
    return _page("已退出", '<h2>已退出登录</h2><p class="info" role="status">您已安全退出。</p>')


def error_page(message: str, status: int = 400) -> HTMLResponse:
    """A request that cannot be sent back to its client (unknown client, bad address)."""
    body = f'<h2>无法完成请求</h2><p class="alert" role="alert">{escape(message)}</p>'
    return _page("出错了", body, status)


def update_password_page(action: str, *, error: str | None = None) -> HTMLResponse:
    """Keycloak's required action UPDATE_PASSWORD: a new password before the first sign-in."""
    alert = f'<p class="alert" role="alert" id="input-error">{escape(error)}</p>' if error else ""
    body = f"""<h2>更新密码</h2>
<p class="info" role="status">首次登录须修改初始密码。</p>
{alert}
<form id="kc-passwd-update-form" method="post" action="{escape(action)}">
<label for="password-new">新密码</label>
<input id="password-new" name="password-new" type="password" autocomplete="new-password"
 autofocus required>
<label for="password-confirm">确认密码</label>
<input id="password-confirm" name="password-confirm" type="password"
 autocomplete="new-password" required>
<button id="kc-submit" type="submit">提交</button>
</form>"""
    return _page("更新密码", body)
