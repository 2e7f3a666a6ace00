/*
 * markdown.h -- content pages: front matter and Markdown (cmark).
 */
#ifndef MARKDOWN_H
#define MARKDOWN_H


struct md_page {
	char	*slug;		/* file name without .md */
	char	*title;
	char	*description;
	long	 order;		/* position in the navigation */
	struct mval *html;	/* rendered body: trusted HTML (mv_html) */
};

/* Render content file path (front matter + Markdown) with ctx. */
int	 md_render_file(const char *path, const struct mval *ctx,
	    struct md_page *);
void	 md_page_free(struct md_page *);

#endif /* !MARKDOWN_H */
