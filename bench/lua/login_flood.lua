-- Wrong passwords from one address, as fast as possible (BENCH_COOKIE and BENCH_CSRF come from
-- a guest session that opened the sign-in page, as a script would).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "login=" .. os.getenv("BENCH_LOGIN") .. "&password=not-the-password-at-all&_csrf=" .. os.getenv("BENCH_CSRF")
