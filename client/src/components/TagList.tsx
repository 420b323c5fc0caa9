export function TagList({ tags }: { tags: readonly { id: string; name: string; color: string }[] }) {
  if (tags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="tag-list">
      {tags.map((tag) => (
        <span key={tag.id} className="tag" style={{ borderColor: tag.color }}>
          <span className="tag__dot" style={{ background: tag.color }} aria-hidden="true" />
          {tag.name}
        </span>
      ))}
    </span>
  );
}
