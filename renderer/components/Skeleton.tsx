// Environment: browser. Placeholder blocks with the shape of what is loading, so nothing jumps on arrival.
export function SkeletonLines({ count, className }: { count: number; className?: string }) {
  return (
    <div className={`skeleton-group ${className ?? ''}`} aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="skeleton-line" style={{ width: `${55 + ((index * 37) % 40)}%` }} />
      ))}
    </div>
  );
}
