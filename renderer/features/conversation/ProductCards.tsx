// Environment: browser. Products the Customer Agent recommended, as small cards.
import type { Product } from '../../../shared/domain.js';
import { useTranslation } from 'react-i18next';

export function ProductCards({ products }: { products: Product[] }) {
  const { t } = useTranslation();
  if (products.length === 0) return null;
  return (
    <ul className="product-cards" aria-label={t('products.label')}>
      {products.map((product) => (
        <li key={product.sku} className="product-card">
          <span className="product-card__name">{product.name}</span>
          <span className="product-card__price">{product.price}</span>
          <span className="product-card__sku">{product.sku}</span>
        </li>
      ))}
    </ul>
  );
}
