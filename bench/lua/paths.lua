-- Several pages in turn (BENCH_PATHS, separated by spaces), as a guest or with BENCH_COOKIE.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local paths = split(os.getenv("BENCH_PATHS"), " ")
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
