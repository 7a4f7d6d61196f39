-- goto as continue, nested break, and backward loops
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  print("odd", i)
  ::continue::
end
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    print(i, j)
  end
  ::next_i::
end
do
  local n = 0
  ::again::
  n = n + 1
  if n < 5 then goto again end
  print("n", n)
end
-- break out of nested loops
for i = 1, 10 do
  for j = 1, 10 do
    if i * j == 12 then print("found", i, j); goto done end
  end
end
::done::
-- goto into an enclosing block's label
do
  local i = 0
  while true do
    i = i + 1
    if i > 3 then goto out end
  end
  ::out::
  print("out at", i)
end
-- a label at the end of a block is outside the scope of its locals
do
  goto finish
  local skipped = 1
  ::finish::
end
print("end")
