-- coroutine status, running, isyieldable
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.isyieldable())
local co
co = coroutine.create(function()
  local me, im = coroutine.running()
  print("inside", me == co, im, coroutine.status(co), coroutine.isyieldable())
  local inner = coroutine.create(function()
    print("outer seen from inner", coroutine.status(co))
  end)
  coroutine.resume(inner)
  print("inner after run", coroutine.status(inner))
  coroutine.yield()
end)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
print(coroutine.resume(co))
-- resuming a running coroutine
local self_resume
self_resume = coroutine.create(function() return coroutine.resume(self_resume) end)
print(coroutine.resume(self_resume))
-- resuming the main thread
print(coroutine.resume(main))
print(pcall(coroutine.status, nil))
print(pcall(coroutine.resume, {}))
