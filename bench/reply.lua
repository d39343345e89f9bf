-- bench/reply.lua: wrk posts replies as the teacher, in turn to the open threads on their desk, and
-- counts the answers (only a 302 is a stored reply). bench/run.sh fills in @THREAD_IDS@, @CSRF@ and
-- @SESSION@.
local thread_ids = { @THREAD_IDS@ }
local csrf = "@CSRF@"
local cookie = "SESSION=@SESSION@"
local nonce = os.getenv("BENCH_NONCE") or tostring(os.time())
local wrk_threads = {}
local next_id = 0

function setup(thread)
	thread:set("id", next_id)
	next_id = next_id + 1
	table.insert(wrk_threads, thread)
end

local function urlencode(s)
	return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
	sent, found, other = 0, 0, 0
	math.randomseed(os.time() + id * 7919)
	body_prefix = "action=reply&content=" .. urlencode("Benchmark reply from wrk thread " .. id)
		.. "&_csrf=" .. urlencode(csrf) .. "&submission_key="
end

function request()
	sent = sent + 1
	local thread_id = thread_ids[(sent + id * 7) % #thread_ids + 1]
	local key = string.format("bench-%s-%d-%d-%d", nonce, id, sent, math.random(1, 1000000000))
	return wrk.format("POST", "/messages/thread/" .. thread_id .. "/",
		{ ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
		body_prefix .. key)
end

function response(status, headers, body)
	if status == 302 then found = found + 1 else other = other + 1 end
end

function done(summary, latency, requests)
	local s, f, o = 0, 0, 0
	for _, t in ipairs(wrk_threads) do
		s = s + t:get("sent")
		f = f + t:get("found")
		o = o + t:get("other")
	end
	io.write(string.format("replies: sent %d, 302 %d, other %d\n", s, f, o))
end
