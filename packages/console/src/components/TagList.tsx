/** The tags stamped on an application. */
export function TagList({ tags }: { tags: string[] }) {
  if (!tags.length) return null
  return (
    <span>
      {tags.map((tag) => (
        <span key={tag} class="tag">
          {tag}
        </span>
      ))}
    </span>
  )
}
