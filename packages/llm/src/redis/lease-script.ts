/**
 * Leases room from one target's fleet-wide sliding window, atomically (a Lua script runs
 * alone on the server). The window is one hash per limit: field = second of the server's
 * clock (`TIME`, so client clocks do not matter), value = what was leased in that second;
 * fields older than 60 s are dropped as they are read.
 *
 * KEYS: requests hash, tokens hash. ARGV: requestsPerMinute, tokensPerMinute (-1 = no
 * limit), requests wanted, tokens wanted, least tokens worth granting.
 * Returns `{ requests, tokens, second }`; `{ 0, 0, second }` when there is no room.
 */
export const leaseScript = `
local now = tonumber(redis.call('TIME')[1])
local requestsPerMinute = tonumber(ARGV[1])
local tokensPerMinute = tonumber(ARGV[2])
local requests = tonumber(ARGV[3])
local tokens = tonumber(ARGV[4])
local minimumTokens = tonumber(ARGV[5])
local function used(key)
  local total = 0
  local fields = redis.call('HGETALL', key)
  for index = 1, #fields, 2 do
    if tonumber(fields[index]) <= now - 60 then
      redis.call('HDEL', key, fields[index])
    else
      total = total + tonumber(fields[index + 1])
    end
  end
  return total
end
if requestsPerMinute >= 0 then requests = math.min(requests, requestsPerMinute - used(KEYS[1])) end
if tokensPerMinute >= 0 then tokens = math.min(tokens, tokensPerMinute - used(KEYS[2])) end
if requests < 1 or tokens < minimumTokens then return { 0, 0, now } end
if requestsPerMinute >= 0 then
  redis.call('HINCRBY', KEYS[1], now, requests)
  redis.call('EXPIRE', KEYS[1], 120)
end
if tokensPerMinute >= 0 then
  redis.call('HINCRBY', KEYS[2], now, tokens)
  redis.call('EXPIRE', KEYS[2], 120)
end
return { requests, tokens, now }
`
