-- binary search tree with insertion, search, deletion and traversals
local function insert(node, k)
  if not node then return {key = k} end
  if k < node.key then node.left = insert(node.left, k)
  elseif k > node.key then node.right = insert(node.right, k) end
  return node
end
local function min(node) while node.left do node = node.left end return node end
local function delete(node, k)
  if not node then return nil end
  if k < node.key then node.left = delete(node.left, k)
  elseif k > node.key then node.right = delete(node.right, k)
  else
    if not node.left then return node.right end
    if not node.right then return node.left end
    local m = min(node.right)
    node.key = m.key
    node.right = delete(node.right, m.key)
  end
  return node
end
local function inorder(node, acc)
  if node then inorder(node.left, acc); acc[#acc + 1] = node.key; inorder(node.right, acc) end
  return acc
end
local function height(node) if not node then return 0 end local l, r = height(node.left), height(node.right) return 1 + (l > r and l or r) end
local root
for _, k in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 45, 65}) do root = insert(root, k) end
local function show(t) local s = "" for i = 1, #t do s = s .. t[i] .. " " end return s end
print(show(inorder(root, {})), height(root))
root = delete(root, 30)
root = delete(root, 50)
root = delete(root, 99)
print(show(inorder(root, {})), height(root), root.key)
