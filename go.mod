module github.com/khabar-news/khabar

go 1.26
