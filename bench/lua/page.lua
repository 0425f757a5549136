-- One page, as a guest (no cookie) or signed in (BENCH_COOKIE holds "JSESSIONID=...").
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
