module github.com/moonfuel/moonfuel

go 1.26
