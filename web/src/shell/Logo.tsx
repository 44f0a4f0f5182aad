/** OncoPed mark: a shield (institutional care) holding a ribbon (childhood cancer awareness). */
export function Logo({ size = 40 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M24 3 42 9v13c0 11.5-7.6 19.7-18 23C13.6 41.7 6 33.5 6 22V9l18-6Z" fill="#ffffff" />
      <path d="M24 6.4 39 11.4V22c0 9.8-6.3 16.9-15 19.9C15.3 38.9 9 31.8 9 22V11.4l15-5Z" fill="#0d5c4f" />
      <path
        d="M24 13.5c-3.1 0-5.2 2.4-5.2 5.3 0 2.3 1.2 4.4 2.8 6.7L16.4 33l3 1.9 4.6-6.6 4.6 6.6 3-1.9-5.2-7.5c1.6-2.3 2.8-4.4 2.8-6.7 0-2.9-2.1-5.3-5.2-5.3Zm0 3.2c1.2 0 2 .9 2 2.1 0 1.2-.8 2.7-2 4.4-1.2-1.7-2-3.2-2-4.4 0-1.2.8-2.1 2-2.1Z"
        fill="#e8c77a"
      />
    </svg>
  );
}
