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
local last = {}
function init(args)
  reads = split(os.getenv("BENCH_PATHS"), " ")
  topics = split(os.getenv("BENCH_REPLY_TOPICS"), " ")
  local sessions = split(os.getenv("BENCH_SESSIONS"), " ")
  cookie = sessions[((id - 1) % #sessions) + 1]
  replies, refused, tokens = 0, 0, 0
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

function request()
  n = n + 1
  local step = n % 10
  if step == 9 and #pending > 0 then
    local t = table.remove(pending, 1)
    local body = "body=" .. "Thinking+of+you+today%2C+keep+going.+Note+" .. word(id * 100000 + n) ..
      "&formToken=" .. t.form .. "&_csrf=" .. t.csrf
    table.insert(last, "reply")
    return wrk.format("POST", t.path .. "/reply", { ["Cookie"] = cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  elseif step == 8 or step == 9 then
    local path = topics[(n % #topics) + 1]
    table.insert(last, "token")
    return wrk.format("GET", path, { ["Cookie"] = cookie })
  end
  table.insert(last, "read")
  return wrk.format("GET", reads[(n % #reads) + 1])
end

function response(status, headers, body)
  -- Responses of one thread's connections may arrive in any order; the body tells which one it was.
  if status == 302 and headers["Location"] and string.find(headers["Location"], "#post%-") then
    replies = replies + 1
  elseif body and string.find(body, 'name="formToken"', 1, true) then
    local form = string.match(body, 'name="formToken" value="([^"]+)"')
    local csrf = string.match(body, 'name="_csrf" value="([^"]+)"')
    local action = string.match(body, '<form action="(/t/%d+)/reply"')
    if form and csrf and action then
      tokens = tokens + 1
      table.insert(pending, { form = form, csrf = csrf, path = action })
    end
    if string.find(body, 'class="error', 1, true) and status == 200 and #last > 0 then
      refused = refused + 1
    end
  end
end
