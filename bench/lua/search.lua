-- The search mix: what people type, from one word to phrases, typos and filters, as a guest
-- (with BENCH_COOKIE, e.g. an unknown session, past the guest cache).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
local queries = {
  "birthday", "mutual+friends", "social+media", "relapse", "moving+out", "they+came+back",
  "birthdy", "%22first+weekend%22", "holidays", "therapy+sleep", "blocking+their+number",
  "urge+to+check+their+profile", "breadcrumb", "hoover", "wedding+invitation", "journaling",
  "anniversary&sort=newest", "voicemail", "birthday&page=2", "slip"
}
local n = 0
function request()
  n = n + 1
  return wrk.format("GET", "/search?q=" .. queries[(n % #queries) + 1])
end
