-- Guests reading while members reply: one request in ten is a reply. Each wrk thread is one
-- signed-in member (BENCH_SESSIONS: "cookie|..." per member, separated by spaces). A reply needs
-- a one-time form token and the session's CSRF token, so the thread first opens the topic signed
-- in (one request in ten) and posts with the tokens that page gave it.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local reads, topics, cookie
local pending = {}
local n = 0
function init(args)
  reads = split(os.getenv("BENCH_PATHS"), " ")
  topics = split(os.getenv("BENCH_REPLY_TOPICS"), " ")
  local sessions = split(os.getenv("BENCH_SESSIONS"), " ")
  cookie = sessions[((id - 1) % #sessions) + 1]
  replies, attempts, tokens = 0, 0, 0
end

local function word(k)
  local letters = "abcdefghijklmnopqrstuvwxyz"
  local s = ""
  repeat
    local d = k % 26
    s = s .. letters:sub(d + 1, d + 1)
    k = math.floor(k / 26)
  until k == 0
  return s
end

-- Every tenth request is a reply and every tenth a member's page of the topic, which gives the
-- reply its tokens (so guests make the other 80 %). A reply waits for its tokens; a thread never
-- holds more than a few unused ones.
local sent, asked, received = 0, 0, 0
function request()
  n = n + 1
  if #pending > 0 and sent * 10 < n then
    sent = sent + 1
    attempts = sent
    local t = table.remove(pending, 1)
    local body = "body=" .. "Thinking+of+you+today%2C+keep+going.+Note+" .. word(id * 100000 + n) ..
      "&formToken=" .. t.form .. "&_csrf=" .. t.csrf
    return wrk.format("POST", t.path .. "/reply", { ["Cookie"] = cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  elseif asked * 10 < n + 10 and asked - sent <= 4 then
    asked = asked + 1
    local path = topics[(n % #topics) + 1]
    return wrk.format("GET", path, { ["Cookie"] = cookie })
  end
  return wrk.format("GET", reads[(n % #reads) + 1])
end

function response(status, headers, body)
  -- Reads and member pages answer 200; only a reply that was posted answers with a redirect to it.
  if status == 302 or status == 303 then
    replies = replies + 1
  elseif body and string.find(body, 'name="formToken"', 1, true) then
    received = received + 1
    local err = string.match(body, 'id="body%-error"[^>]*>([^<]*)')
    if err and os.getenv("BENCH_DEBUG") then io.stderr:write("refused: " .. err .. "\n") end
    local form = string.match(body, 'name="formToken" value="([^"]+)"')
    local csrf = string.match(body, 'name="_csrf" value="([^"]+)"')
    local action = string.match(body, '<form action="(/t/%d+)/reply"')
    if form and csrf and action then
      tokens = tokens + 1
      table.insert(pending, { form = form, csrf = csrf, path = action })
    end
  end
end
