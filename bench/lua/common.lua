-- Shared by every scenario: one machine-readable line per run (latencies in ms, bytes per response).
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f bytes=%d requests=%d status_errors=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.bytes / math.max(1, summary.requests),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
  if threads then
    local replies, attempts, tokens = 0, 0, 0
    for _, t in ipairs(threads) do
      replies = replies + (t:get("replies") or 0)
      attempts = attempts + (t:get("attempts") or 0)
      tokens = tokens + (t:get("tokens") or 0)
    end
    io.write(string.format("REPLIES posted=%d sent=%d member_pages=%d\n", replies, attempts, tokens))
  end
end

function split(s, sep)
  local out = {}
  for part in string.gmatch(s or "", "[^" .. sep .. "]+") do table.insert(out, part) end
  return out
end
