-- wrk script for the benchmark (bench/run.py): optional per-visitor cookies, a POST body with
-- each visitor's CSRF token, and a JSON summary line with p50/p95/p99 and error counts.
--   WRK_METHOD=POST WRK_VISITORS="cookie1|cookie2" WRK_TOKENS="token1|token2" wrk -s bench/wrk.lua URL

local method = os.getenv("WRK_METHOD") or "GET"
local visitors, tokens = {}, {}
for cookie in string.gmatch(os.getenv("WRK_VISITORS") or "", "([^|]+)") do
  table.insert(visitors, cookie)
end
for token in string.gmatch(os.getenv("WRK_TOKENS") or "", "([^|]+)") do
  table.insert(tokens, token)
end

local counter = 0
-- A browser's User-Agent: the site records a browser's product views (an empty one is a robot's).
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"

setup = function(thread)
  thread:set("offset", math.random(1, 1000))
end

request = function()
  if #visitors == 0 then
    return wrk.format(method)
  end
  counter = counter + 1
  local i = ((counter + (offset or 0)) % #visitors) + 1
  local headers = { ["Cookie"] = visitors[i] }
  local body = nil
  if method == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    body = "quantity=1&csrfmiddlewaretoken=" .. tokens[i]
  end
  return wrk.format(method, nil, headers, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "errors_connect": %d, "errors_read": %d, '
      .. '"errors_write": %d, "errors_status": %d, "errors_timeout": %d, "p50_ms": %.2f, "p95_ms": %.2f, '
      .. '"p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
