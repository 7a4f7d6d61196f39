-- errors and conversions in numeric for
local function try(f) print(pcall(f)) end
try(function() for i = nil, 2 do end end)
try(function() for i = 1, {} do end end)
try(function() for i = 1, 2, "x" do end end)
try(function() for i = 1, 2, 0 do return "zero step ran" end end)
try(function() for i = 1.0, 2, 0 do return "zero float step ran" end end)
try(function() local s = "" for i = "1", "3" do s = s .. i .. " " end return s end)
try(function() local s = "" for i = "1", 2, "0.5" do s = s .. i .. " " end return s end)
try(function() local s = "" for i = 1, "2.5" do s = s .. i .. " " end return s end)
