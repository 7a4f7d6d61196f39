-- matrix multiplication and determinant with integers and floats
local function matmul(a, b)
  local n, m, p = #a, #b, #b[1]
  local c = {}
  for i = 1, n do
    c[i] = {}
    for j = 1, p do
      local s = 0
      for k = 1, m do s = s + a[i][k] * b[k][j] end
      c[i][j] = s
    end
  end
  return c
end
local function show(m)
  for i = 1, #m do
    local row = ""
    for j = 1, #m[i] do row = row .. m[i][j] .. (j < #m[i] and " " or "") end
    print(row)
  end
end
local a = {{1, 2}, {3, 4}}
local b = {{5, 6}, {7, 8}}
show(matmul(a, b))
local id = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
local m = {{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}
show(matmul(m, id))
local function det(m)
  local n = #m
  local a = {}
  for i = 1, n do a[i] = {} for j = 1, n do a[i][j] = m[i][j] + 0.0 end end
  local d = 1.0
  for i = 1, n do
    local piv = i
    for r = i + 1, n do if (a[r][i] < 0 and -a[r][i] or a[r][i]) > (a[piv][i] < 0 and -a[piv][i] or a[piv][i]) then piv = r end end
    if a[piv][i] == 0 then return 0.0 end
    if piv ~= i then a[piv], a[i] = a[i], a[piv]; d = -d end
    d = d * a[i][i]
    for r = i + 1, n do
      local f = a[r][i] / a[i][i]
      for c = i, n do a[r][c] = a[r][c] - f * a[i][c] end
    end
  end
  return d
end
print(det(m), det(a), det(id))
local p = {{1, 1}, {1, 0}}
local r = p
for i = 1, 40 do r = matmul(r, p) end
print(r[1][1], r[1][2])
