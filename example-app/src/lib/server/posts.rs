//! Blog posts: the one module `/blog`, `/blog/[slug]`, `/dashboard` and `/api/posts` read and
//! write them through.

use rusqlite::{OptionalExtension, Row, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::db::{Db, DbError};

/// A post, with its author's name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Post {
    /// The post's id.
    pub id: i64,
    /// The last segment of its URL, `/blog/{slug}`.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its text.
    pub body: String,
    /// Whether everyone sees it (otherwise only its author does).
    pub published: bool,
    /// The id of its author.
    pub author_id: i64,
    /// The name of its author.
    pub author: String,
    /// When it was written, in UTC (`2025-01-31T12:00:00Z`).
    pub created_at: String,
}

/// What a client sends to write a post, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostInput {
    /// The title: required, at most [`MAX_TITLE`] characters.
    pub title: String,
    /// The text: required.
    pub body: String,
    /// Whether to publish it (default: a draft).
    #[serde(default)]
    pub published: bool,
}

/// How many posts a page of a list shows unless asked otherwise.
pub const PAGE_SIZE: u32 = 10;

/// The longest title accepted, in characters.
pub const MAX_TITLE: usize = 200;

impl PostInput {
    /// The input with its title trimmed, or what is wrong with it.
    pub fn validate(self) -> Result<PostInput, String> {
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            return Err("`title` must not be empty".to_owned());
        }
        if title.chars().count() > MAX_TITLE {
            return Err(format!("`title` must be at most {MAX_TITLE} characters"));
        }
        if self.body.trim().is_empty() {
            return Err("`body` must not be empty".to_owned());
        }
        Ok(PostInput { title, ..self })
    }
}

const SELECT: &str = "SELECT posts.id, posts.slug, posts.title, posts.body, posts.published,
        posts.author_id, users.name, posts.created_at
    FROM posts JOIN users ON users.id = posts.author_id";

fn post_of(row: &Row<'_>) -> rusqlite::Result<Post> {
    Ok(Post {
        id: row.get(0)?,
        slug: row.get(1)?,
        title: row.get(2)?,
        body: row.get(3)?,
        published: row.get(4)?,
        author_id: row.get(5)?,
        author: row.get(6)?,
        created_at: row.get(7)?,
    })
}

/// Published posts, newest first, `limit` of them after skipping `offset`.
pub async fn published(db: &Db, limit: u32, offset: u32) -> Result<Vec<Post>, DbError> {
    db.call(move |conn| {
        let sql =
            format!("{SELECT} WHERE posts.published ORDER BY posts.id DESC LIMIT ?1 OFFSET ?2");
        let mut statement = conn.prepare_cached(&sql)?;
        let posts = statement.query_map((limit, offset), post_of)?;
        posts.collect()
    })
    .await
}

/// Every post of `author_id`, drafts included, newest first.
pub async fn by_author(db: &Db, author_id: i64) -> Result<Vec<Post>, DbError> {
    db.call(move |conn| {
        let sql = format!("{SELECT} WHERE posts.author_id = ?1 ORDER BY posts.id DESC");
        let mut statement = conn.prepare_cached(&sql)?;
        let posts = statement.query_map([author_id], post_of)?;
        posts.collect()
    })
    .await
}

/// The post `id`, if any.
pub async fn by_id(db: &Db, id: i64) -> Result<Option<Post>, DbError> {
    db.call(move |conn| {
        conn.query_row(&format!("{SELECT} WHERE posts.id = ?1"), [id], post_of)
            .optional()
    })
    .await
}

/// The post `id` if `viewer` (a user id, `None` signed out) may read it: published, or their
/// own draft. A draft is nobody else's business, not even that it exists.
pub async fn visible_by_id(db: &Db, id: i64, viewer: Option<i64>) -> Result<Option<Post>, DbError> {
    Ok(by_id(db, id).await?.filter(|post| post.visible_to(viewer)))
}

/// The post whose slug is `slug` if `viewer` may read it (see [`visible_by_id`]).
pub async fn visible_by_slug(
    db: &Db,
    slug: &str,
    viewer: Option<i64>,
) -> Result<Option<Post>, DbError> {
    Ok(by_slug(db, slug)
        .await?
        .filter(|post| post.visible_to(viewer)))
}

impl Post {
    /// Whether the user `viewer` (`None` signed out) may read this post.
    pub fn visible_to(&self, viewer: Option<i64>) -> bool {
        self.published || viewer == Some(self.author_id)
    }
}

/// The post whose slug is `slug`, if any.
pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Post>, DbError> {
    let slug = slug.to_owned();
    db.call(move |conn| {
        conn.query_row(&format!("{SELECT} WHERE posts.slug = ?1"), [slug], post_of)
            .optional()
    })
    .await
}

/// Writes a new post by `author_id`; its slug comes from its title (`-2`, `-3`… when taken).
pub async fn create(db: &Db, author_id: i64, input: PostInput) -> Result<Post, DbError> {
    let id = db
        .call(move |conn| {
            // IMMEDIATE: take the write lock first (waiting for it under the busy timeout). A
            // deferred transaction that reads then writes fails at once with SQLITE_BUSY when
            // another process wrote in between, which the busy timeout cannot wait out.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let base = slugify(&input.title);
            let mut slug = base.clone();
            let mut n = 1;
            while tx
                .query_row("SELECT 1 FROM posts WHERE slug = ?1", [&slug], |_| Ok(()))
                .optional()?
                .is_some()
            {
                n += 1;
                slug = format!("{base}-{n}");
            }
            tx.execute(
                "INSERT INTO posts (slug, title, body, published, author_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                (slug, input.title, input.body, input.published, author_id),
            )?;
            let id = tx.last_insert_rowid();
            tx.commit()?;
            Ok(id)
        })
        .await?;
    by_id(db, id)
        .await?
        .ok_or(DbError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
}

/// Replaces the title, body and state of the post `id` (its slug stays, so links keep
/// working); `None` when there is no such post.
pub async fn update(db: &Db, id: i64, input: PostInput) -> Result<Option<Post>, DbError> {
    let changed = db
        .call(move |conn| {
            conn.execute(
                "UPDATE posts SET title = ?1, body = ?2, published = ?3 WHERE id = ?4",
                (input.title, input.body, input.published, id),
            )
        })
        .await?;
    if changed == 0 {
        return Ok(None);
    }
    by_id(db, id).await
}

/// Deletes the post `id`; whether it existed.
pub async fn delete(db: &Db, id: i64) -> Result<bool, DbError> {
    let deleted = db
        .call(move |conn| conn.execute("DELETE FROM posts WHERE id = ?1", [id]))
        .await?;
    Ok(deleted > 0)
}

/// A URL-friendly form of `title`: lowercase ASCII letters and digits, runs of anything else
/// as one `-` (`"Hello, World!"` → `hello-world`); `post` when nothing is left.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "post".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slugify("Hello, World!"), "hello-world");
        assert_eq!(slugify("  Routing 101 -- part 2 "), "routing-101-part-2");
        assert_eq!(slugify("¿¡!"), "post");
    }

    #[test]
    fn input_needs_a_title_and_a_body() {
        let input = |title: &str, body: &str| PostInput {
            title: title.to_owned(),
            body: body.to_owned(),
            published: false,
        };
        assert_eq!(
            input("  A  ", "b").validate().map(|i| i.title),
            Ok("A".to_owned())
        );
        assert!(input(" ", "b").validate().is_err());
        assert!(input("a", "").validate().is_err());
        assert!(input(&"x".repeat(MAX_TITLE + 1), "b").validate().is_err());
    }
}
